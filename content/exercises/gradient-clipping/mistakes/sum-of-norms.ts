// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'norm is too large: it adds the norms of the arrays; the global norm is the square root of the sum of the squares of all their elements.';

export function clipByNorm(grads: Record<string, NDArray>, maxNorm: number) {
  let norm = 0;
  for (const g of Object.values(grads)) norm += Math.sqrt(g.square().sum().item());
  const scale = norm > maxNorm ? maxNorm / norm : 1;
  const clipped: Record<string, NDArray> = {};
  for (const [key, g] of Object.entries(grads)) clipped[key] = g.multiply(scale);
  return { grads: clipped, norm };
}
