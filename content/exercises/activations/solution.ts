// Reference solution: server-only, never shipped to a browser.

export function sigmoidForward(x: NDArray) {
  // 1 / (1 + e^-x) stays finite in float64 for every x: e^-x overflows to Infinity and gives 0
  const out = np.divide(1, np.exp(x.negative()).add(1));
  return { out, cache: { out } };
}

export function sigmoidBackward(dout: NDArray, cache: { out: NDArray }) {
  const s = cache.out;
  return { dx: dout.multiply(s.multiply(np.subtract(1, s))) };
}

export function tanhForward(x: NDArray) {
  const out = np.tanh(x);
  return { out, cache: { out } };
}

export function tanhBackward(dout: NDArray, cache: { out: NDArray }) {
  const t = cache.out;
  return { dx: dout.multiply(np.subtract(1, t.square())) };
}

export function leakyReluForward(x: NDArray, alpha: number) {
  const out = np.where(x.greater(0), x, x.multiply(alpha));
  return { out, cache: { x, alpha } };
}

export function leakyReluBackward(dout: NDArray, cache: { x: NDArray; alpha: number }) {
  // slope 1 for x > 0, alpha for x <= 0 (the left derivative at 0, as ReLU'(0) = 0)
  return { dx: np.where(cache.x.greater(0), dout, dout.multiply(cache.alpha)) };
}
