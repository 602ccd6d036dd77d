// A known mistake: only the function that is wrong; the others come from solution.ts.
// The forward pass is right; the backward applies the 0/1 mask but forgets 1/(1 - p).
export const hint =
  'dx is dout times the 0/1 mask, missing the factor 1/(1 - p): the backward pass multiplies by exactly what the forward pass multiplied x by.';

export function dropoutBackward(dout: NDArray, cache: { mode: 'train' | 'test'; mask: NDArray | null }) {
  if (cache.mode === 'test' || cache.mask === null) return { dx: dout.copy() };
  return { dx: dout.multiply(cache.mask.greater(0)) };
}
