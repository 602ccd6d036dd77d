// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  "dx passes the gradient where x is exactly 0: this course takes ReLU'(0) = 0, so the mask is x > 0, not x >= 0.";

export function reluBackward(dout: NDArray, cache: { x: NDArray }) {
  return { dx: np.where(cache.x.greaterEqual(0), dout, 0) };
}
