// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'cosineDecay rises again after t = T: the cosine keeps going past pi; once t reaches T the rate stays at lrMin.';

export function cosineDecay(lr0: number, t: number, config: { T: number; lrMin: number }) {
  const { T, lrMin } = config;
  return { lr: lrMin + 0.5 * (lr0 - lrMin) * (1 + Math.cos((Math.PI * t) / T)) };
}
