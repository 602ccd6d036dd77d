// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dx has the flattened shape (N, D): reshape it back to the shape of x, as the input may have more than two dimensions.';

export function affineBackward(dout: NDArray, cache: { x: NDArray; w: NDArray }) {
  const { x, w } = cache;
  const n = x.shape[0] ?? 0;
  return {
    dx: dout.matmul(w.T),
    dw: x.reshape(n, -1).T.matmul(dout),
    db: dout.sum({ axis: 0 }),
  };
}
