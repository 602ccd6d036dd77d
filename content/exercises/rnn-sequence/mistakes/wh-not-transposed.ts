// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  "the gradient sent to the previous hidden state is da Wh^T (Wh maps h_{t-1} to the step's input): Wh without the transpose is another matrix unless it is symmetric.";

export function rnnBackward(
  dh: NDArray,
  cache: { x: NDArray; h0: NDArray; Wx: NDArray; Wh: NDArray; hs: NDArray[] },
) {
  const { x, h0, Wx, Wh, hs } = cache;
  const steps = x.shape[1] ?? 0;
  const dxs: NDArray[] = [];
  let dWx = np.zerosLike(Wx);
  let dWh = np.zerosLike(Wh);
  let db = np.zeros([Wh.shape[0] ?? 0]);
  let carried = np.zerosLike(h0);
  for (let t = steps - 1; t >= 0; t--) {
    const h = hs[t] as NDArray;
    const previous = t > 0 ? (hs[t - 1] as NDArray) : h0;
    const da = dh.slice(':', t).add(carried).multiply(h.square().multiply(-1).add(1));
    dxs.unshift(da.matmul(Wx.T));
    dWx = dWx.add(x.slice(':', t).T.matmul(da));
    dWh = dWh.add(previous.T.matmul(da));
    db = db.add(da.sum({ axis: 0 }));
    carried = da.matmul(Wh);
  }
  return { dx: np.stack(dxs, { axis: 1 }), dh0: carried, dWx, dWh, db };
}
