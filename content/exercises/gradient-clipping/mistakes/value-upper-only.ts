// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'clipByValue leaves large negative entries alone: clip to the interval [-limit, limit], on both sides.';

export function clipByValue(grads: Record<string, NDArray>, limit: number) {
  const clipped: Record<string, NDArray> = {};
  for (const [key, g] of Object.entries(grads)) clipped[key] = g.minimum(limit);
  return { grads: clipped };
}
