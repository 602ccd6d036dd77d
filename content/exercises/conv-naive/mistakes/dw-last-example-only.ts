// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dw holds the gradient of one example only (written over for each example): the same filters act on every example, so dw sums the contributions of the whole batch.';

interface ConvParam {
  stride: number;
  pad: number;
}

export function convBackwardNaive(
  dout: NDArray,
  cache: { x: NDArray; w: NDArray; b: NDArray; convParam: ConvParam },
) {
  const { x, w, convParam } = cache;
  const { stride, pad } = convParam;
  const [n = 0, c = 0, h = 0, wd = 0] = x.shape;
  const [f = 0, , hh = 0, ww = 0] = w.shape;
  const [, , hOut = 0, wOut = 0] = dout.shape;
  const xp = np.pad(x, [
    [0, 0],
    [0, 0],
    [pad, pad],
    [pad, pad],
  ]);
  const wRows = w.reshape(f, -1);
  const dxp = np.zerosLike(xp);
  let dwRows = np.zeros([f, c * hh * ww]);
  for (let e = 0; e < n; e++) {
    // the mistake: dw starts afresh for every example
    dwRows = np.zeros([f, c * hh * ww]);
    for (let i = 0; i < hOut; i++) {
      for (let j = 0; j < wOut; j++) {
        const rows = `${i * stride}:${i * stride + hh}`;
        const cols = `${j * stride}:${j * stride + ww}`;
        const d = dout.slice(e, ':', i, j, null); // (F, 1)
        dwRows = dwRows.add(d.matmul(xp.slice(e, ':', rows, cols).reshape(1, -1)));
        dxp.set(
          [e, ':', rows, cols],
          dxp.slice(e, ':', rows, cols).add(d.T.matmul(wRows).reshape(c, hh, ww)),
        );
      }
    }
  }
  return {
    dx: dxp.slice(':', ':', `${pad}:${pad + h}`, `${pad}:${pad + wd}`).copy(),
    dw: dwRows.reshape(w.shape),
    db: dout.sum({ axis: [0, 2, 3] }),
  };
}
