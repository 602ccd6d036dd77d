// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'backpropagation through time runs from the last step to the first: step t needs the gradient that step t+1 sends back.';

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
  for (let t = 0; t < steps; t++) {
    const h = hs[t] as NDArray;
    const previous = t > 0 ? (hs[t - 1] as NDArray) : h0;
    const da = dh.slice(':', t).add(carried).multiply(h.square().multiply(-1).add(1));
    dxs.push(da.matmul(Wx.T));
    dWx = dWx.add(x.slice(':', t).T.matmul(da));
    dWh = dWh.add(previous.T.matmul(da));
    db = db.add(da.sum({ axis: 0 }));
    carried = da.matmul(Wh.T);
  }
  return { dx: np.stack(dxs, { axis: 1 }), dh0: carried, dWx, dWh, db };
}
