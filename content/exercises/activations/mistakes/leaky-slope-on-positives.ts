// A known mistake: only the function that is wrong; the others come from solution.ts.
// The two slopes swapped in the backward pass.
export const hint =
  'leakyReluBackward: the slopes are swapped. A positive input passes the gradient unchanged (slope 1); only inputs x <= 0 are scaled by alpha.';

export function leakyReluBackward(dout: NDArray, cache: { x: NDArray; alpha: number }) {
  return { dx: np.where(cache.x.greater(0), dout.multiply(cache.alpha), dout) };
}
