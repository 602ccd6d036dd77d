import type { LabSetup } from './setup.ts';

/**
 * Two runs side by side: the pinned run and the current one share each chart, so their curves
 * need one step axis (each run records at its own steps; where a run has no value, a gap).
 */
export function alignRuns<R extends { step: number }>(
  runs: R[][],
  value: (record: R) => number,
): { steps: number[]; values: (number | null)[][] } {
  const steps = [...new Set(runs.flatMap((run) => run.map((r) => r.step)))].sort((a, b) => a - b);
  const values = runs.map((run) => {
    const byStep = new Map(run.map((r) => [r.step, value(r)]));
    return steps.map((step) => byStep.get(step) ?? null);
  });
  return { steps, values };
}

/** The settings in which two set-ups differ, in the form's order ("what changed between the runs"). */
export function setupDifferences(
  pinned: LabSetup,
  current: LabSetup,
): { field: keyof LabSetup; pinned: string; current: string }[] {
  return (Object.keys(current) as (keyof LabSetup)[])
    .filter((field) => pinned[field] !== current[field])
    .map((field) => ({ field, pinned: String(pinned[field]), current: String(current[field]) }));
}
