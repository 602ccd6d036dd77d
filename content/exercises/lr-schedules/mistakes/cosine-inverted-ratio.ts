// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'cosineDecay does not start at lr0 (or is NaN at t = 0): the angle is pi * t / T, which runs from 0 to pi, not pi * T / t.';

export function cosineDecay(lr0: number, t: number, config: { T: number; lrMin: number }) {
  const { T, lrMin } = config;
  const angle = (Math.PI * T) / Math.min(t, T);
  return { lr: lrMin + 0.5 * (lr0 - lrMin) * (1 + Math.cos(angle)) };
}
