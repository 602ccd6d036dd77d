// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'cosineDecay ends at 0 instead of lrMin: the half cosine spans lr0 - lrMin, and lrMin is added back.';

export function cosineDecay(lr0: number, t: number, config: { T: number; lrMin: number }) {
  const progress = Math.min(t, config.T) / config.T;
  return { lr: 0.5 * lr0 * (1 + Math.cos(Math.PI * progress)) };
}
