// Reference solution: server-only, never shipped to a browser.

export function reluForward(x: NDArray) {
  const out = np.maximum(x, 0);
  return { out, cache: { x } };
}

export function reluBackward(dout: NDArray, cache: { x: NDArray }) {
  const dx = np.where(cache.x.greater(0), dout, 0);
  return { dx };
}
