// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint = 'dw must have the shape of w, (D, M): it is X^T dout, not dout^T X.';

export function affineBackward(dout: NDArray, cache: { x: NDArray; w: NDArray }) {
  const { x, w } = cache;
  const n = x.shape[0] ?? 0;
  return {
    dx: dout.matmul(w.T).reshape(x.shape),
    dw: dout.T.matmul(x.reshape(n, -1)),
    db: dout.sum({ axis: 0 }),
  };
}
