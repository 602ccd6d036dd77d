// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'd sigma / d logVar is sigma / 2 (sigma = exp(logVar / 2)): the gradient to logVar misses the 1/2.';

export function reparameterizeBackward(dz: NDArray, cache: { std: NDArray; eps: NDArray }) {
  return { dmu: dz.copy(), dlogVar: dz.multiply(cache.eps).multiply(cache.std) };
}
