// A known mistake: only the functions that are wrong; the others come from solution.ts.
// 1 - t^2 evaluated at the input x instead of at the output t = tanh(x).
export const hint =
  'tanhBackward: dx looks like dout * (1 - x^2). The derivative is 1 - t^2 with t = tanh(x), the forward OUTPUT: keep it in the cache.';

export function tanhForward(x: NDArray) {
  return { out: np.tanh(x), cache: { x } };
}

export function tanhBackward(dout: NDArray, cache: { x: NDArray }) {
  return { dx: dout.multiply(np.subtract(1, cache.x.square())) };
}
