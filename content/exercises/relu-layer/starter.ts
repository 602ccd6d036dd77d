/**
 * The ReLU layer. `np` is available as a global (NumPy's API in camelCase).
 * x: any shape, e.g. (N, D) or (N, C, H, W).
 */
export function reluForward(x: NDArray) {
  // TODO: out = max(0, x) elementwise, as a new array (do not change x).
  const out = np.zerosLike(x);
  const cache = { x };
  return { out, cache };
}

/** dout: shaped like x. Returns dx shaped like x. */
export function reluBackward(dout: NDArray, cache: { x: NDArray }) {
  const { x } = cache;
  // TODO: dx = dout where x > 0, and 0 elsewhere (ReLU'(0) = 0).
  const dx = np.zerosLike(x);
  void dout;
  return { dx };
}
