/**
 * Gradient clipping. `grads` is a plain object of arrays, e.g. { dWx, dWh, db }.
 * Return new objects with the same keys; never change the arrays you are given.
 */
export function clipByNorm(grads: Record<string, NDArray>, maxNorm: number) {
  // TODO: norm = sqrt of the sum of the squares of ALL elements of ALL arrays;
  // when norm > maxNorm, multiply every array by maxNorm / norm.
  void maxNorm;
  const clipped: Record<string, NDArray> = {};
  for (const [key, g] of Object.entries(grads)) clipped[key] = g.copy();
  return { grads: clipped, norm: 0 };
}

export function clipByValue(grads: Record<string, NDArray>, limit: number) {
  // TODO: clip every element to [-limit, limit].
  void limit;
  const clipped: Record<string, NDArray> = {};
  for (const [key, g] of Object.entries(grads)) clipped[key] = g.copy();
  return { grads: clipped };
}
