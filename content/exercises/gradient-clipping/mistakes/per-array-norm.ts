// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'clipByNorm clips each array by its own norm: one global norm over all the arrays decides, and every array is scaled by the same factor, so the direction of the whole gradient is kept.';

export function clipByNorm(grads: Record<string, NDArray>, maxNorm: number) {
  let squares = 0;
  const clipped: Record<string, NDArray> = {};
  for (const [key, g] of Object.entries(grads)) {
    const own = Math.sqrt(g.square().sum().item());
    squares += own * own;
    clipped[key] = own > maxNorm ? g.multiply(maxNorm / own) : g.copy();
  }
  return { grads: clipped, norm: Math.sqrt(squares) };
}
