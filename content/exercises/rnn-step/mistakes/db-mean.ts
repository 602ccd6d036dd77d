// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'db looks like a mean over the batch: b is added to every row, so db sums da over the batch (the 1/N of a mean loss is already inside dnextH).';

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
    dWh: prevH.T.matmul(da),
    db: da.mean({ axis: 0 }),
  };
}
