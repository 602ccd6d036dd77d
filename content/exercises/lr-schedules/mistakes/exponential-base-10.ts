// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'exponentialDecay falls too fast: the schedule is lr0 * e^(-k t) (Math.exp), not a power of 10.';

export function exponentialDecay(lr0: number, t: number, config: { k: number }) {
  return { lr: lr0 * 10 ** (-config.k * t) };
}
