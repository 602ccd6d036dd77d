// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dc misses the path through nextH: the cell state also reaches the output, so dc = dnextC + dnextH * o * (1 - tanh(c)^2).';

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
  const dc = dnextC;
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
