// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'stepDecay drops one step early, at t = dropEvery - 1: the number of drops is floor(t / dropEvery), with t counted from 0.';

export function stepDecay(lr0: number, t: number, config: { dropEvery: number; factor: number }) {
  return { lr: lr0 * config.factor ** Math.floor((t + 1) / config.dropEvery) };
}
