import type { Metadata } from 'next';
import { Lab } from '../../components/lab/lab.tsx';
import { labModules } from '../../lib/lab/learner-code.ts';
import { type LabPresetView, labPreset } from '../../lib/lab/presets.ts';
import { parseSetup } from '../../lib/lab/setup.ts';
import { requireUser } from '../../lib/session.ts';

export const metadata: Metadata = { title: 'Training lab' };
export const dynamic = 'force-dynamic';

/**
 * The training lab: a network made of the learner's own layers (their passing submissions),
 * trained in the browser on a 2-D dataset (an MLP) or on small images (a CNN), with its set-up in
 * the URL. `?preset=<slug>` opens an instructor's preset (content/lab-presets): its set-up, with
 * the fields it fixes not shown; the other parameters in the URL change the rest.
 */
export default async function LabPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser('/lab');
  const params = await searchParams;
  const slug = typeof params.preset === 'string' ? params.preset : null;
  let preset: LabPresetView | null = null;
  let presetProblem: string | null = null;
  if (slug !== null) {
    try {
      preset = labPreset(slug);
      if (!preset) presetProblem = `There is no lab preset "${slug}": the lab opens with its own defaults.`;
    } catch (error) {
      presetProblem = `The lab preset "${slug}" could not be read (${(error as Error).message}): the lab opens with its own defaults.`;
    }
  }
  const fixed = new Set<string>(preset?.fixed ?? []);
  const { setup, errors } = parseSetup(
    Object.fromEntries(Object.entries(params).filter(([key]) => !fixed.has(key))),
    preset?.setup,
  );
  const modules = await labModules(user.id);
  return (
    <>
      <h1>{preset ? `Training lab: ${preset.title}` : 'Training lab'}</h1>
      {presetProblem ? (
        <p role="alert" className="error-text" data-testid="preset-error">
          {presetProblem}
        </p>
      ) : null}
      {preset
        ? preset.text.split(/\n\s*\n/).map((paragraph) => (
            <p key={paragraph.slice(0, 40)} data-testid="preset-text">
              {paragraph}
            </p>
          ))
        : null}
      <p className="muted">
        Train a network built from <strong>your own</strong> layers, loss and optimizer: each block runs the
        code of your latest submission that passed its exercise. Everything runs in your browser; the set-up
        is in the address, so a link reproduces the run.
      </p>
      {errors.length > 0 ? (
        <p role="alert" className="error-text" data-testid="setup-errors">
          Some settings in the address were not valid and were reset: {errors.join('; ')}
        </p>
      ) : null}
      <Lab
        initial={setup}
        modules={modules}
        preset={preset ? { slug: preset.slug, setup: preset.setup, fixed: preset.fixed } : null}
      />
    </>
  );
}
