// A known mistake: only the functions that are wrong; the others come from solution.ts.
export const hint =
  'the results differ only when a mask is given: where the mask is 0 a step may not be attended, so set that score to -Infinity before the softmax (the same mask for every head).';

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
  const dm = x.shape[2] ?? 0;
  const scale = 1 / Math.sqrt(dm / numHeads);
  const q = splitHeads(np.matmul(x, params.wq), numHeads);
  const k = splitHeads(np.matmul(x, params.wk), numHeads);
  const v = splitHeads(np.matmul(x, params.wv), numHeads);
  const scores = np.matmul(q, k.transpose([0, 1, 3, 2])).multiply(scale); // (N, h, T, T)
  void mask;
  const e = np.exp(scores.subtract(scores.max({ axis: -1, keepdims: true })));
  const p = e.divide(e.sum({ axis: -1, keepdims: true }));
  const concat = mergeHeads(np.matmul(p, v));
  const out = np.matmul(concat, params.wo);
  return { out, cache: { x, params, q, k, v, p, concat, numHeads, scale } };
}
