// A known mistake: both functions (the cache keeps b to recompute the step's input).
export const hint =
  "tanh's derivative is 1 - h_t^2 from the step's output h_t, not 1 - a_t^2 from its input a_t.";

export function rnnForward(x: NDArray, h0: NDArray, Wx: NDArray, Wh: NDArray, b: NDArray) {
  const steps = x.shape[1] ?? 0;
  const hs: NDArray[] = [];
  let h = h0;
  for (let t = 0; t < steps; t++) {
    h = x.slice(':', t).matmul(Wx).add(h.matmul(Wh)).add(b).tanh();
    hs.push(h);
  }
  return { h: np.stack(hs, { axis: 1 }), cache: { x, h0, Wx, Wh, b, hs } };
}

export function rnnBackward(
  dh: NDArray,
  cache: { x: NDArray; h0: NDArray; Wx: NDArray; Wh: NDArray; b: NDArray; hs: NDArray[] },
) {
  const { x, h0, Wx, Wh, b, hs } = cache;
  const steps = x.shape[1] ?? 0;
  const dxs: NDArray[] = [];
  let dWx = np.zerosLike(Wx);
  let dWh = np.zerosLike(Wh);
  let db = np.zeros([Wh.shape[0] ?? 0]);
  let carried = np.zerosLike(h0);
  for (let t = steps - 1; t >= 0; t--) {
    const previous = t > 0 ? (hs[t - 1] as NDArray) : h0;
    const a = x.slice(':', t).matmul(Wx).add(previous.matmul(Wh)).add(b);
    const da = dh.slice(':', t).add(carried).multiply(a.square().multiply(-1).add(1));
    dxs.unshift(da.matmul(Wx.T));
    dWx = dWx.add(x.slice(':', t).T.matmul(da));
    dWh = dWh.add(previous.T.matmul(da));
    db = db.add(da.sum({ axis: 0 }));
    carried = da.matmul(Wh.T);
  }
  return { dx: np.stack(dxs, { axis: 1 }), dh0: carried, dWx, dWh, db };
}
