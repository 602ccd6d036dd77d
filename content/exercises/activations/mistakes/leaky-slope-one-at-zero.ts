// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  "leakyReluBackward: at x = 0 exactly the slope must be alpha (the left derivative, as ReLU'(0) = 0 in this course): test x > 0, not x >= 0.";

export function leakyReluBackward(dout: NDArray, cache: { x: NDArray; alpha: number }) {
  return { dx: np.where(cache.x.greaterEqual(0), dout, dout.multiply(cache.alpha)) };
}
