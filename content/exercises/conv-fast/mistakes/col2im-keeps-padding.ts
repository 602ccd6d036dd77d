// A known mistake: only the functions that are wrong; the others come from solution.ts.
export const hint =
  'col2im (and so dx) has the shape of the padded input: the zeros added around x are not part of it, so cut pad rows and columns off every side before returning.';

interface ConvParam {
  stride: number;
  pad: number;
}

export function col2im(
  cols: NDArray,
  xShape: readonly number[],
  fieldHeight: number,
  fieldWidth: number,
  convParam: ConvParam,
) {
  const { stride, pad } = convParam;
  const [n = 0, c = 0, h = 0, wd = 0] = xShape;
  const hOut = 1 + Math.floor((h + 2 * pad - fieldHeight) / stride);
  const wOut = 1 + Math.floor((wd + 2 * pad - fieldWidth) / stride);
  const blocks = cols.reshape(c, fieldHeight, fieldWidth, n, hOut, wOut);
  const dxp = np.zeros([n, c, h + 2 * pad, wd + 2 * pad]);
  for (let a = 0; a < fieldHeight; a++) {
    for (let bb = 0; bb < fieldWidth; bb++) {
      const rows = `${a}:${a + stride * hOut}:${stride}`;
      const columns = `${bb}:${bb + stride * wOut}:${stride}`;
      const block = blocks.slice(':', a, bb).transpose(1, 0, 2, 3);
      dxp.set([':', ':', rows, columns], dxp.slice(':', ':', rows, columns).add(block));
    }
  }
  return dxp;
}

export function convBackwardFast(
  dout: NDArray,
  cache: { x: NDArray; w: NDArray; b: NDArray; convParam: ConvParam; cols: NDArray },
) {
  const { x, w, convParam, cols } = cache;
  const [f = 0, , hh = 0, ww = 0] = w.shape;
  const doutRows = dout.transpose(1, 0, 2, 3).reshape(f, -1);
  const dcols = w.reshape(f, -1).T.matmul(doutRows);
  return {
    dx: col2im(dcols, x.shape, hh, ww, convParam),
    dw: doutRows.matmul(cols.T).reshape(w.shape),
    db: dout.sum({ axis: [0, 2, 3] }),
  };
}
