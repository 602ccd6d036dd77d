// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dWh is transposed: it is prevH^T da (row i: hidden unit i of the previous state), not da^T prevH; both are H x H, so only the values tell.';

export function rnnStepBackward(
  dnextH: NDArray,
  cache: { x: NDArray; prevH: NDArray; Wx: NDArray; Wh: NDArray; nextH: NDArray },
) {
  const { x, prevH, Wx, Wh, nextH } = cache;
  const da = dnextH.multiply(np.subtract(1, nextH.square()));
  return {
    dx: da.matmul(Wx.T),
    dprevH: da.matmul(Wh.T),
    dWx: x.T.matmul(da),
    dWh: da.T.matmul(prevH),
    db: da.sum({ axis: 0 }),
  };
}
