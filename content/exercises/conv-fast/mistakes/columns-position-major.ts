// A known mistake: only the functions that are wrong; the others come from solution.ts.
export const hint =
  'cols has its columns ordered (i, j, n), the example index changing fastest, while the layer reads them as (n, i, j): out, dw and dx come out scrambled across examples and positions; order the columns (n, i, j) so that each example is one contiguous block.';

interface ConvParam {
  stride: number;
  pad: number;
}

function outputSize(
  xShape: readonly number[],
  fieldHeight: number,
  fieldWidth: number,
  { stride, pad }: ConvParam,
) {
  const [, , h = 0, wd = 0] = xShape;
  return {
    hOut: 1 + Math.floor((h + 2 * pad - fieldHeight) / stride),
    wOut: 1 + Math.floor((wd + 2 * pad - fieldWidth) / stride),
  };
}

export function im2col(x: NDArray, fieldHeight: number, fieldWidth: number, convParam: ConvParam) {
  const { stride, pad } = convParam;
  const [n = 0, c = 0] = x.shape;
  const { hOut, wOut } = outputSize(x.shape, fieldHeight, fieldWidth, convParam);
  const xp = np.pad(x, [
    [0, 0],
    [0, 0],
    [pad, pad],
    [pad, pad],
  ]);
  // the mistake: columns (i, j, n)
  const cols = np.zeros([c, fieldHeight, fieldWidth, hOut, wOut, n]);
  for (let a = 0; a < fieldHeight; a++) {
    for (let bb = 0; bb < fieldWidth; bb++) {
      const rows = `${a}:${a + stride * hOut}:${stride}`;
      const columns = `${bb}:${bb + stride * wOut}:${stride}`;
      cols.set([':', a, bb], xp.slice(':', ':', rows, columns).transpose(1, 2, 3, 0));
    }
  }
  return cols.reshape(c * fieldHeight * fieldWidth, n * hOut * wOut);
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
  const { hOut, wOut } = outputSize(xShape, fieldHeight, fieldWidth, convParam);
  const blocks = cols.reshape(c, fieldHeight, fieldWidth, hOut, wOut, n);
  const dxp = np.zeros([n, c, h + 2 * pad, wd + 2 * pad]);
  for (let a = 0; a < fieldHeight; a++) {
    for (let bb = 0; bb < fieldWidth; bb++) {
      const rows = `${a}:${a + stride * hOut}:${stride}`;
      const columns = `${bb}:${bb + stride * wOut}:${stride}`;
      const block = blocks.slice(':', a, bb).transpose(3, 0, 1, 2);
      dxp.set([':', ':', rows, columns], dxp.slice(':', ':', rows, columns).add(block));
    }
  }
  return dxp.slice(':', ':', `${pad}:${pad + h}`, `${pad}:${pad + wd}`).copy();
}

export function convForwardFast(x: NDArray, w: NDArray, b: NDArray, convParam: ConvParam) {
  const [n = 0] = x.shape;
  const [f = 0, , hh = 0, ww = 0] = w.shape;
  const { hOut, wOut } = outputSize(x.shape, hh, ww, convParam);
  const cols = im2col(x, hh, ww, convParam);
  const outRows = w.reshape(f, -1).matmul(cols).add(b.reshape(f, 1));
  const out = outRows.reshape(f, n, hOut, wOut).transpose(1, 0, 2, 3).copy();
  return { out, cache: { x, w, b, convParam, cols } };
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
