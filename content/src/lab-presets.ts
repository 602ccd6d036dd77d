import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contentRoot } from './content-root.ts';
import { readFrontmatter } from './frontmatter.ts';

/**
 * Training-lab presets, written by instructors as `content/lab-presets/<slug>.md`: a title, the
 * lab set-up (dataset, model, optimizer: the lab's URL parameters), the fields it fixes (their
 * controls are not shown), and a short text shown above the lab. A lecture links one as `/lab?preset=<slug>`.
 * The set-up's own fields are checked by the site's lab schema (apps/web/lib/lab/presets.ts).
 */
export const labPresetFrontmatterSchema = z
  .object({
    title: z.string().min(1),
    /** the lab's URL parameters, e.g. { dataset: spiral, optimizer: sgd, learningRate: 0.1 } */
    setup: z.record(z.string(), z.union([z.string(), z.number()])),
    /** set-up fields fixed by the preset: their controls are not shown, the learner cannot change them */
    fixed: z.array(z.string()).default([]),
  })
  .strict();

export interface LabPreset {
  slug: string;
  title: string;
  setup: Record<string, string | number>;
  fixed: string[];
  /** the text above the lab (paragraphs separated by blank lines) */
  text: string;
  file: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function labPresetsDir(): string {
  return path.join(contentRoot(), 'lab-presets');
}

/** The preset, or null when there is no file of that name; a malformed file throws a ContentError. */
export function readLabPreset(slug: string): LabPreset | null {
  if (!SLUG.test(slug)) return null;
  const file = path.join(labPresetsDir(), `${slug}.md`);
  if (!fs.existsSync(file)) return null;
  const { data, content } = readFrontmatter(file, labPresetFrontmatterSchema);
  return { slug, ...data, text: content.trim(), file };
}

/** The slug of every preset file, sorted. */
export function listLabPresetSlugs(): string[] {
  const dir = labPresetsDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3))
    .sort((a, b) => a.localeCompare(b));
}
