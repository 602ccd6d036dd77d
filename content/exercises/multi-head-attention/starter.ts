/**
 * Multi-head self-attention. `np` is available as a global.
 * x: (N, T, D); params: { wq, wk, wv, wo }, each (D, D), no biases; numHeads h divides D;
 * mask: null or (N, T, T) of 1 (may attend) and 0.
 */
export function multiHeadAttentionForward(
  x: NDArray,
  params: { wq: NDArray; wk: NDArray; wv: NDArray; wo: NDArray },
  options: { numHeads: number; mask: NDArray | null },
) {
  // TODO: Q = x wq, K = x wk, V = x wv; split each into h heads of width d = D / h (head j takes
  // columns j*d .. (j+1)*d), so that the heads are (N, h, T, d); per head
  // softmax(Q K^T / sqrt(d)) V, with scores set to -Infinity where the mask is 0 and each row
  // shifted by its maximum; put the heads side by side again (N, T, D); out = concat wo.
  void options;
  const out = np.zerosLike(x);
  return { out, cache: { x, params } };
}

export function multiHeadAttentionBackward(
  dout: NDArray,
  cache: { x: NDArray; params: { wq: NDArray; wk: NDArray; wv: NDArray; wo: NDArray } },
) {
  // TODO: dwo = concat^T dout summed over every row; back through the heads: dv = p^T dh,
  // dp = dh v^T, ds = p * (dp - sum(p * dp)), dq = ds k / sqrt(d), dk = ds^T q / sqrt(d);
  // merge the heads back to (N, T, D); dwq = x^T dQ (likewise dwk, dwv), and dx collects
  // every path by which x reached the output.
  void dout;
  const { x, params } = cache;
  return {
    dx: np.zerosLike(x),
    dwq: np.zerosLike(params.wq),
    dwk: np.zerosLike(params.wk),
    dwv: np.zerosLike(params.wv),
    dwo: np.zerosLike(params.wo),
  };
}
