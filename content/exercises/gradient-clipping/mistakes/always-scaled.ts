// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'clipByNorm also scales gradients whose norm is below maxNorm (and so enlarges them): only a norm above maxNorm is brought down.';

export function clipByNorm(grads: Record<string, NDArray>, maxNorm: number) {
  let squares = 0;
  for (const g of Object.values(grads)) squares += g.square().sum().item();
  const norm = Math.sqrt(squares);
  const clipped: Record<string, NDArray> = {};
  for (const [key, g] of Object.entries(grads)) clipped[key] = g.multiply(maxNorm / norm);
  return { grads: clipped, norm };
}
