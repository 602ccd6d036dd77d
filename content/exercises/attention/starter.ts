/**
 * Scaled dot-product attention. `np` is available as a global.
 * q: (N, Tq, d), k: (N, Tk, d), v: (N, Tk, dv), mask: null or (N, Tq, Tk) of 1 (may attend) and 0.
 */
export function attentionForward(q: NDArray, k: NDArray, v: NDArray, mask: NDArray | null) {
  // TODO: scores = q k^T / sqrt(d), masked to -Infinity where mask is 0, softmax over the keys,
  // out = p v
  void k;
  void mask;
  const [n = 0, tq = 0] = q.shape;
  const out = np.zeros([n, tq, v.shape[2] ?? 0]);
  return { out, cache: { q, k, v } };
}

export function attentionBackward(dout: NDArray, cache: { q: NDArray; k: NDArray; v: NDArray }) {
  // TODO: dv = p^T dout, dp = dout v^T, ds = p * (dp - sum(p * dp)), dq = ds k / sqrt(d), dk = ds^T q / sqrt(d)
  void dout;
  return { dq: np.zerosLike(cache.q), dk: np.zerosLike(cache.k), dv: np.zerosLike(cache.v) };
}
