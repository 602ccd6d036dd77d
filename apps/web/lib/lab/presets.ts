import { ContentError, listLabPresetSlugs, readLabPreset } from '@gradlab/content';
import { type LabSetup, parseSetup, setupSchema } from './setup.ts';

/** A preset as the lab uses it: its set-up checked against the lab's schema. */
export interface LabPresetView {
  slug: string;
  title: string;
  text: string;
  setup: LabSetup;
  /** the fields the preset fixes: their controls are not shown */
  fixed: (keyof LabSetup)[];
}

/**
 * The preset `content/lab-presets/<slug>.md`, or null when there is none. A set-up field the lab
 * does not have, a value out of range or an unknown fixed field throws a ContentError naming the
 * file and the field.
 */
export function labPreset(slug: string): LabPresetView | null {
  const preset = readLabPreset(slug);
  if (!preset) return null;
  const fields = Object.keys(setupSchema.shape);
  const problems = [
    ...Object.keys(preset.setup)
      .filter((key) => !fields.includes(key))
      .map((key) => `setup.${key}: not a lab setting (settings: ${fields.join(', ')})`),
    ...preset.fixed
      .filter((key) => !fields.includes(key))
      .map((key) => `fixed: "${key}" is not a lab setting`),
  ];
  const { setup, errors } = parseSetup(
    Object.fromEntries(Object.entries(preset.setup).map(([key, value]) => [key, String(value)])),
  );
  problems.push(...errors.map((error) => `setup.${error}`));
  if (problems.length > 0) throw new ContentError(preset.file, problems.join('; '), 1);
  return {
    slug,
    title: preset.title,
    text: preset.text,
    setup,
    fixed: preset.fixed as (keyof LabSetup)[],
  };
}

/** Every preset, checked (for the tests and the instructor pages). */
export function labPresets(): LabPresetView[] {
  return listLabPresetSlugs().map((slug) => labPreset(slug) as LabPresetView);
}
