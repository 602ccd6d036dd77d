/**
 * Three activation layers. `np` is available as a global (NumPy's API in camelCase).
 * Every x and dout may have any shape; every out and dx has the shape of x.
 */
export function sigmoidForward(x: NDArray) {
  // TODO: out = 1 / (1 + exp(-x)); keep what the backward pass needs.
  const out = np.zerosLike(x);
  return { out, cache: { x } };
}

export function sigmoidBackward(dout: NDArray, cache: { x: NDArray }) {
  // TODO: dx = dout * s * (1 - s), with s the sigmoid's OUTPUT.
  void dout;
  return { dx: np.zerosLike(cache.x) };
}

export function tanhForward(x: NDArray) {
  // TODO: out = tanh(x).
  const out = np.zerosLike(x);
  return { out, cache: { x } };
}

export function tanhBackward(dout: NDArray, cache: { x: NDArray }) {
  // TODO: dx = dout * (1 - t^2), with t the tanh's OUTPUT.
  void dout;
  return { dx: np.zerosLike(cache.x) };
}

export function leakyReluForward(x: NDArray, alpha: number) {
  // TODO: out = x where x > 0, alpha * x elsewhere. (This is ReLU: alpha is not used yet.)
  const out = np.maximum(x, 0);
  return { out, cache: { x, alpha } };
}

export function leakyReluBackward(dout: NDArray, cache: { x: NDArray; alpha: number }) {
  // TODO: slope 1 where x > 0, alpha where x <= 0.
  void dout;
  return { dx: np.zerosLike(cache.x) };
}
