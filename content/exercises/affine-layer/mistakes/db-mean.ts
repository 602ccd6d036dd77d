// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'db looks like a mean over the batch: the bias gradient sums dout over it (the 1/N is already in dout).';

export function affineBackward(dout: NDArray, cache: { x: NDArray; w: NDArray }) {
  const { x, w } = cache;
  const n = x.shape[0] ?? 0;
  return {
    dx: dout.matmul(w.T).reshape(x.shape),
    dw: x.reshape(n, -1).T.matmul(dout),
    db: dout.mean({ axis: 0 }),
  };
}
