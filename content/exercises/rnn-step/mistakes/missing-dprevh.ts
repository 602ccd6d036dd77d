// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'rnnStepBackward returns no dprevH: the previous hidden state is an input too, and backpropagation through time needs its gradient, da Wh^T, to reach earlier steps.';

export function rnnStepBackward(
  dnextH: NDArray,
  cache: { x: NDArray; prevH: NDArray; Wx: NDArray; Wh: NDArray; nextH: NDArray },
) {
  const { x, prevH, Wx, nextH } = cache;
  const da = dnextH.multiply(np.subtract(1, nextH.square()));
  return {
    dx: da.matmul(Wx.T),
    dWx: x.T.matmul(da),
    dWh: prevH.T.matmul(da),
    db: da.sum({ axis: 0 }),
  };
}
