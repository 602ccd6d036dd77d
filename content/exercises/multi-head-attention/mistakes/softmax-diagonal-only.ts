// A known mistake: only the functions that are wrong; the others come from solution.ts.
export const hint =
  'out, dwv and dwo are right but dx, dwq and dwk are not: the backward through the softmax keeps only the diagonal of its Jacobian diag(p) - p p^T; each row of ds must also subtract p times the row sum of p * dp.';

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
  return y.reshape([n, t, h, dm / h]).transpose([0, 2, 1, 3]);
}

/** (N, h, T, d) -> (N, T, h * d): the heads side by side again, in order. */
function mergeHeads(y: NDArray): NDArray {
  const [n = 0, h = 0, t = 0, d = 0] = y.shape;
  return y.transpose([0, 2, 1, 3]).reshape([n, t, h * d]);
}

/** The sum over all N * T rows of a^T b for a, b of shape (N, T, D): a (D, D) matrix. */
function rowsTimes(a: NDArray, b: NDArray): NDArray {
  const [n = 0, t = 0, dm = 0] = a.shape;
  return np.matmul(a.reshape([n * t, dm]).T, b.reshape([n * t, b.shape[2] ?? 0]));
}

export function multiHeadAttentionBackward(dout: NDArray, cache: MhaCache) {
  const { x, params, q, k, v, p, concat, numHeads, scale } = cache;
  const dwo = rowsTimes(concat, dout);
  const dheads = splitHeads(np.matmul(dout, params.wo.T), numHeads); // (N, h, T, d)
  const dvHeads = np.matmul(p.transpose([0, 1, 3, 2]), dheads);
  const dp = np.matmul(dheads, v.transpose([0, 1, 3, 2]));
  const ds = p.multiply(dp);
  const dQ = mergeHeads(np.matmul(ds, k).multiply(scale));
  const dK = mergeHeads(np.matmul(ds.transpose([0, 1, 3, 2]), q).multiply(scale));
  const dV = mergeHeads(dvHeads);
  const dx = np.matmul(dQ, params.wq.T).add(np.matmul(dK, params.wk.T)).add(np.matmul(dV, params.wv.T));
  return { dx, dwq: rowsTimes(x, dQ), dwk: rowsTimes(x, dK), dwv: rowsTimes(x, dV), dwo };
}
