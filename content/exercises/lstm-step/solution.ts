// Reference solution: server-only, never shipped to a browser.

const sigmoid = (a: NDArray) => a.negative().exp().add(1).power(-1);

export function lstmStepForward(
  x: NDArray,
  prevH: NDArray,
  prevC: NDArray,
  Wx: NDArray,
  Wh: NDArray,
  b: NDArray,
) {
  const h = prevH.shape[1] ?? 0;
  const a = x.matmul(Wx).add(prevH.matmul(Wh)).add(b);
  const i = sigmoid(a.slice(':', `0:${h}`));
  const f = sigmoid(a.slice(':', `${h}:${2 * h}`));
  const o = sigmoid(a.slice(':', `${2 * h}:${3 * h}`));
  const g = a.slice(':', `${3 * h}:${4 * h}`).tanh();
  const nextC = f.multiply(prevC).add(i.multiply(g));
  const tanhC = nextC.tanh();
  const nextH = o.multiply(tanhC);
  return { nextH, nextC, cache: { x, prevH, prevC, Wx, Wh, i, f, o, g, tanhC } };
}

export function lstmStepBackward(
  dnextH: NDArray,
  dnextC: NDArray,
  cache: {
    x: NDArray;
    prevH: NDArray;
    prevC: NDArray;
    Wx: NDArray;
    Wh: NDArray;
    i: NDArray;
    f: NDArray;
    o: NDArray;
    g: NDArray;
    tanhC: NDArray;
  },
) {
  const { x, prevH, prevC, Wx, Wh, i, f, o, g, tanhC } = cache;
  const one = (v: NDArray) => v.multiply(-1).add(1);
  const dc = dnextC.add(dnextH.multiply(o).multiply(one(tanhC.square())));
  const di = dc.multiply(g).multiply(i).multiply(one(i));
  const df = dc.multiply(prevC).multiply(f).multiply(one(f));
  const dO = dnextH.multiply(tanhC).multiply(o).multiply(one(o));
  const dg = dc.multiply(i).multiply(one(g.square()));
  const da = np.concatenate([di, df, dO, dg], { axis: 1 });
  return {
    dx: da.matmul(Wx.T),
    dprevH: da.matmul(Wh.T),
    dprevC: dc.multiply(f),
    dWx: x.T.matmul(da),
    dWh: prevH.T.matmul(da),
    db: da.sum({ axis: 0 }),
  };
}
