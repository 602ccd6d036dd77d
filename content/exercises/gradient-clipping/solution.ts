// Reference solution: server-only, never shipped to a browser.

/** One norm over every element of every array; all arrays scaled by the same factor. */
export function clipByNorm(grads: Record<string, NDArray>, maxNorm: number) {
  let squares = 0;
  for (const g of Object.values(grads)) squares += g.square().sum().item();
  const norm = Math.sqrt(squares);
  const scale = norm > maxNorm ? maxNorm / norm : 1;
  const clipped: Record<string, NDArray> = {};
  for (const [key, g] of Object.entries(grads)) clipped[key] = g.multiply(scale);
  return { grads: clipped, norm };
}

/** Every element of every array clipped to [-limit, limit]. */
export function clipByValue(grads: Record<string, NDArray>, limit: number) {
  const clipped: Record<string, NDArray> = {};
  for (const [key, g] of Object.entries(grads)) clipped[key] = g.clip(-limit, limit);
  return { grads: clipped };
}
