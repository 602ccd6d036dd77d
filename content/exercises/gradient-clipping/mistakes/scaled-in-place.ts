// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'the arrays you were given changed: clipByNorm must return new arrays (g.multiply(s) makes one) and leave the input object and its arrays as they were.';

export function clipByNorm(grads: Record<string, NDArray>, maxNorm: number) {
  let squares = 0;
  for (const g of Object.values(grads)) squares += g.square().sum().item();
  const norm = Math.sqrt(squares);
  if (norm > maxNorm) for (const g of Object.values(grads)) g.set([], g.multiply(maxNorm / norm));
  return { grads, norm };
}
