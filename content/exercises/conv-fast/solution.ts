// Reference solution: server-only, never shipped to a browser.

interface ConvParam {
  stride: number;
  pad: number;
}

interface ConvCache {
  x: NDArray;
  w: NDArray;
  b: NDArray;
  convParam: ConvParam;
  cols: NDArray;
}

/** Output height and width of a window of fieldHeight x fieldWidth over x's (H, W). */
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

/**
 * cols[(c, a, b'), (n, i, j)] = padded x[n, c, i s + a, j s + b']. One strided slice per position
 * (a, b') inside the window: it picks that element of every window of every image at once.
 */
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
  const cols = np.zeros([c, fieldHeight, fieldWidth, n, hOut, wOut]);
  for (let a = 0; a < fieldHeight; a++) {
    for (let bb = 0; bb < fieldWidth; bb++) {
      const rows = `${a}:${a + stride * hOut}:${stride}`;
      const columns = `${bb}:${bb + stride * wOut}:${stride}`;
      // (N, C, H', W') -> (C, N, H', W')
      cols.set([':', a, bb], xp.slice(':', ':', rows, columns).transpose(1, 0, 2, 3));
    }
  }
  return cols.reshape(c * fieldHeight * fieldWidth, n * hOut * wOut);
}

/** The adjoint of im2col: every column entry is added back where it was read; the padding is cut off. */
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
  const blocks = cols.reshape(c, fieldHeight, fieldWidth, n, hOut, wOut);
  const dxp = np.zeros([n, c, h + 2 * pad, wd + 2 * pad]);
  for (let a = 0; a < fieldHeight; a++) {
    for (let bb = 0; bb < fieldWidth; bb++) {
      const rows = `${a}:${a + stride * hOut}:${stride}`;
      const columns = `${bb}:${bb + stride * wOut}:${stride}`;
      // within one (a, b') the positions are distinct; across them they overlap, hence the add
      const block = blocks.slice(':', a, bb).transpose(1, 0, 2, 3);
      dxp.set([':', ':', rows, columns], dxp.slice(':', ':', rows, columns).add(block));
    }
  }
  return dxp.slice(':', ':', `${pad}:${pad + h}`, `${pad}:${pad + wd}`).copy();
}

export function convForwardFast(x: NDArray, w: NDArray, b: NDArray, convParam: ConvParam) {
  const [n = 0] = x.shape;
  const [f = 0, , hh = 0, ww = 0] = w.shape;
  const { hOut, wOut } = outputSize(x.shape, hh, ww, convParam);
  const cols = im2col(x, hh, ww, convParam); // (C*HH*WW, N*H'*W')
  const outRows = w.reshape(f, -1).matmul(cols).add(b.reshape(f, 1)); // (F, N*H'*W')
  const out = outRows.reshape(f, n, hOut, wOut).transpose(1, 0, 2, 3).copy();
  return { out, cache: { x, w, b, convParam, cols } };
}

export function convBackwardFast(dout: NDArray, cache: ConvCache) {
  const { x, w, convParam, cols } = cache;
  const [f = 0, , hh = 0, ww = 0] = w.shape;
  const doutRows = dout.transpose(1, 0, 2, 3).reshape(f, -1); // (F, N*H'*W'), columns (n, i, j)
  const db = dout.sum({ axis: [0, 2, 3] });
  const dw = doutRows.matmul(cols.T).reshape(w.shape);
  const dcols = w.reshape(f, -1).T.matmul(doutRows);
  const dx = col2im(dcols, x.shape, hh, ww, convParam);
  return { dx, dw, db };
}
