// A known mistake: only the functions that are wrong; the others come from solution.ts.
export const hint =
  'one head is right but several are not: reshaping (N, T, D) straight to (N, h, T, d) mixes time steps and heads; reshape to (N, T, h, d) and then swap the T and h axes (and undo both when merging).';

interface MhaParams {
  wq: NDArray;
  wk: NDArray;
  wv: NDArray;
  wo: NDArray;
}

interface MhaCache {
  x: NDArray;
  params: MhaParams;
  q: NDArray;
  k: NDArray;
  v: NDArray;
  p: NDArray;
  concat: NDArray;
  numHeads: number;
  scale: number;
}

/** (N, T, D) -> (N, h, T, D / h): head j takes columns j*d .. (j+1)*d of every time step. */
function splitHeads(y: NDArray, h: number): NDArray {
  const [n = 0, t = 0, dm = 0] = y.shape;
  return y.reshape([n, h, t, dm / h]);
}

/** (N, h, T, d) -> (N, T, h * d): the heads side by side again, in order. */
function mergeHeads(y: NDArray): NDArray {
  const [n = 0, h = 0, t = 0, d = 0] = y.shape;
  return y.reshape([n, t, h * d]);
}

/** The sum over all N * T rows of a^T b for a, b of shape (N, T, D): a (D, D) matrix. */
function rowsTimes(a: NDArray, b: NDArray): NDArray {
  const [n = 0, t = 0, dm = 0] = a.shape;
  return np.matmul(a.reshape([n * t, dm]).T, b.reshape([n * t, b.shape[2] ?? 0]));
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
  const e = np.exp(scores.subtract(scores.max({ axis: -1, keepdims: true })));
  const p = e.divide(e.sum({ axis: -1, keepdims: true }));
  const concat = mergeHeads(np.matmul(p, v));
  const out = np.matmul(concat, params.wo);
  return { out, cache: { x, params, q, k, v, p, concat, numHeads, scale } };
}

export function multiHeadAttentionBackward(dout: NDArray, cache: MhaCache) {
  const { x, params, q, k, v, p, concat, numHeads, scale } = cache;
  const dwo = rowsTimes(concat, dout);
  const dheads = splitHeads(np.matmul(dout, params.wo.T), numHeads); // (N, h, T, d)
  const dvHeads = np.matmul(p.transpose([0, 1, 3, 2]), dheads);
  const dp = np.matmul(dheads, v.transpose([0, 1, 3, 2]));
  const ds = p.multiply(dp.subtract(p.multiply(dp).sum({ axis: -1, keepdims: true })));
  const dQ = mergeHeads(np.matmul(ds, k).multiply(scale));
  const dK = mergeHeads(np.matmul(ds.transpose([0, 1, 3, 2]), q).multiply(scale));
  const dV = mergeHeads(dvHeads);
  const dx = np.matmul(dQ, params.wq.T).add(np.matmul(dK, params.wk.T)).add(np.matmul(dV, params.wv.T));
  return { dx, dwq: rowsTimes(x, dQ), dwk: rowsTimes(x, dK), dwv: rowsTimes(x, dV), dwo };
}
