// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'the clipped gradient grows instead of shrinking: multiply by maxNorm / norm (below 1 when clipping), so that the new norm is exactly maxNorm.';

export function clipByNorm(grads: Record<string, NDArray>, maxNorm: number) {
  let squares = 0;
  for (const g of Object.values(grads)) squares += g.square().sum().item();
  const norm = Math.sqrt(squares);
  const scale = norm > maxNorm ? norm / maxNorm : 1;
  const clipped: Record<string, NDArray> = {};
  for (const [key, g] of Object.entries(grads)) clipped[key] = g.multiply(scale);
  return { grads: clipped, norm };
}
