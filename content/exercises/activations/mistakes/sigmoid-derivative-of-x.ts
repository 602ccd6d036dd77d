// A known mistake: only the functions that are wrong; the others come from solution.ts.
// s(1 - s) evaluated at the input x instead of at the output s = sigmoid(x).
export const hint =
  'sigmoidBackward: dx looks like dout * x * (1 - x). The derivative is s * (1 - s) with s = sigmoid(x), the forward OUTPUT: keep it in the cache.';

export function sigmoidForward(x: NDArray) {
  const out = np.divide(1, np.exp(x.negative()).add(1));
  return { out, cache: { x } };
}

export function sigmoidBackward(dout: NDArray, cache: { x: NDArray }) {
  const { x } = cache;
  return { dx: dout.multiply(x.multiply(np.subtract(1, x))) };
}
