// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dw is the right gradient divided by the batch size: X^T dout already sums over the batch, and the 1/N of a mean loss is inside dout.';

export function affineBackward(dout: NDArray, cache: { x: NDArray; w: NDArray }) {
  const { x, w } = cache;
  const n = x.shape[0] ?? 0;
  return {
    dx: dout.matmul(w.T).reshape(x.shape),
    dw: x.reshape(n, -1).T.matmul(dout).divide(n),
    db: dout.sum({ axis: 0 }),
  };
}
