// Reference solution: server-only, never shipped to a browser.

export function affineForward(x: NDArray, w: NDArray, b: NDArray) {
  const n = x.shape[0] ?? 0;
  const out = x.reshape(n, -1).matmul(w).add(b);
  return { out, cache: { x, w } };
}

export function affineBackward(dout: NDArray, cache: { x: NDArray; w: NDArray }) {
  const { x, w } = cache;
  const n = x.shape[0] ?? 0;
  const dx = dout.matmul(w.T).reshape(x.shape);
  const dw = x.reshape(n, -1).T.matmul(dout);
  const db = dout.sum({ axis: 0 });
  return { dx, dw, db };
}
