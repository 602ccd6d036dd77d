// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'db looks like a mean of dout: b[f] is added at every position of every example, so db[f] is the sum of dout[:, f, :, :].';

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
  for (let i = 0; i < hOut; i++) {
    for (let j = 0; j < wOut; j++) {
      const rows = `${i * stride}:${i * stride + hh}`;
      const cols = `${j * stride}:${j * stride + ww}`;
      const d = dout.slice(':', ':', i, j);
      dwRows = dwRows.add(d.T.matmul(xp.slice(':', ':', rows, cols).reshape(n, -1)));
      dxp.set(
        [':', ':', rows, cols],
        dxp.slice(':', ':', rows, cols).add(d.matmul(wRows).reshape(n, c, hh, ww)),
      );
    }
  }
  return {
    dx: dxp.slice(':', ':', `${pad}:${pad + h}`, `${pad}:${pad + wd}`).copy(),
    dw: dwRows.reshape(w.shape),
    db: dout.mean({ axis: [0, 2, 3] }),
  };
}
