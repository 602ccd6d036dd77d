// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dprevC is the cell gradient itself: along the cell path c_t = f * c_{t-1} + ..., so dprevC = dc * f.';

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
    dprevC: dc,
    dWx: x.T.matmul(da),
    dWh: prevH.T.matmul(da),
    db: da.sum({ axis: 0 }),
  };
}
