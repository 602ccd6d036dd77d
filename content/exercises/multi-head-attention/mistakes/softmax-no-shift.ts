// A known mistake: only the functions that are wrong; the others come from solution.ts.
export const hint =
  'NaN or Infinity appear when the scores are large: exp overflows beyond about 709, so subtract the maximum of each row of scores before exponentiating.';

interface MhaParams {
  wq: NDArray;
  wk: NDArray;
  wv: NDArray;
  wo: NDArray;
}

/** (N, T, D) -> (N, h, T, D / h): head j takes columns j*d .. (j+1)*d of every time step. */
function splitHeads(y: NDArray, h: number): NDArray {
  const [n = 0, t = 0, dm = 0] = y.shape;
  return y.reshape([n, t, h, dm / h]).transpose([0, 2, 1, 3]);
}

/** (N, h, T, d) -> (N, T, h * d): the heads side by side again, in order. */
function mergeHeads(y: NDArray): NDArray {
  const [n = 0, h = 0, t = 0, d = 0] = y.shape;
  return y.transpose([0, 2, 1, 3]).reshape([n, t, h * d]);
}

export function multiHeadAttentionForward(
  x: NDArray,
  params: MhaParams,
  options: { numHeads: number; mask: NDArray | null },
) {
  const { numHeads, mask } = options;
  const [n = 0, t = 0, dm = 0] = x.shape;
  const scale = 1 / Math.sqrt(dm / numHeads);
  const q = splitHeads(np.matmul(x, params.wq), numHeads);
  const k = splitHeads(np.matmul(x, params.wk), numHeads);
  const v = splitHeads(np.matmul(x, params.wv), numHeads);
  let scores = np.matmul(q, k.transpose([0, 1, 3, 2])).multiply(scale); // (N, h, T, T)
  if (mask !== null) scores = np.where(mask.reshape([n, 1, t, t]), scores, Number.NEGATIVE_INFINITY);
  const e = np.exp(scores);
  const p = e.divide(e.sum({ axis: -1, keepdims: true }));
  const concat = mergeHeads(np.matmul(p, v));
  const out = np.matmul(concat, params.wo);
  return { out, cache: { x, params, q, k, v, p, concat, numHeads, scale } };
}
