// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dprevH uses Wh where its transpose belongs: with prevH as rows, a = ... + prevH Wh, so dprevH = da Wh^T (the shapes match either way, the values do not).';

export function rnnStepBackward(
  dnextH: NDArray,
  cache: { x: NDArray; prevH: NDArray; Wx: NDArray; Wh: NDArray; nextH: NDArray },
) {
  const { x, prevH, Wx, Wh, nextH } = cache;
  const da = dnextH.multiply(np.subtract(1, nextH.square()));
  return {
    dx: da.matmul(Wx.T),
    dprevH: da.matmul(Wh),
    dWx: x.T.matmul(da),
    dWh: prevH.T.matmul(da),
    db: da.sum({ axis: 0 }),
  };
}
