/**
 * The affine layer. `np` is available as a global (NumPy's API in camelCase).
 * x: (N, d1, ..., dk), w: (D, M) with D = d1 * ... * dk, b: (M,)
 */
export function affineForward(x: NDArray, w: NDArray, b: NDArray) {
  // TODO: flatten each example of x into a row, then compute x_flat @ w + b.
  const n = x.shape[0] ?? 0;
  const out = np.zeros([n, w.shape[1] ?? 0]);
  const cache = { x, w, b };
  return { out, cache };
}

/** dout: (N, M). Returns dx shaped like x, dw like w, db like b. */
export function affineBackward(dout: NDArray, cache: { x: NDArray; w: NDArray; b: NDArray }) {
  const { x, w, b } = cache;
  // TODO: dx = dout @ w.T (reshaped like x), dw = x_flat.T @ dout, db = sum of dout over the batch.
  const dx = np.zerosLike(x);
  const dw = np.zerosLike(w);
  const db = np.zerosLike(b);
  void dout;
  return { dx, dw, db };
}
