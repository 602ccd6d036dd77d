import type { Metadata } from 'next';
import { Lab } from '../../components/lab/lab.tsx';
import { labModules } from '../../lib/lab/learner-code.ts';
import { parseSetup } from '../../lib/lab/setup.ts';
import { requireUser } from '../../lib/session.ts';

export const metadata: Metadata = { title: 'Training lab' };
export const dynamic = 'force-dynamic';

/**
 * The training lab: a network made of the learner's own layers (their passing submissions),
 * trained in the browser on a 2-D dataset (an MLP) or on small images (a CNN), with its set-up in
 * the URL.
 */
export default async function LabPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser('/lab');
  const { setup, errors } = parseSetup(await searchParams);
  const modules = await labModules(user.id);
  return (
    <>
      <h1>Training lab</h1>
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
      <Lab initial={setup} modules={modules} />
    </>
  );
}
