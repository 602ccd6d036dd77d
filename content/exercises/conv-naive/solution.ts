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
}

/** x zero-padded by `pad` on all four sides of each image. */
function padImages(x: NDArray, pad: number): NDArray {
  return np.pad(x, [
    [0, 0],
    [0, 0],
    [pad, pad],
    [pad, pad],
  ]);
}

export function convForwardNaive(x: NDArray, w: NDArray, b: NDArray, convParam: ConvParam) {
  const { stride, pad } = convParam;
  const [n = 0, , h = 0, wd = 0] = x.shape;
  const [f = 0, , hh = 0, ww = 0] = w.shape;
  const hOut = 1 + Math.floor((h + 2 * pad - hh) / stride);
  const wOut = 1 + Math.floor((wd + 2 * pad - ww) / stride);
  const xp = padImages(x, pad);
  const wRows = w.reshape(f, -1); // (F, C*HH*WW)
  const out = np.zeros([n, f, hOut, wOut]);
  for (let i = 0; i < hOut; i++) {
    for (let j = 0; j < wOut; j++) {
      const window = xp.slice(
        ':',
        ':',
        `${i * stride}:${i * stride + hh}`,
        `${j * stride}:${j * stride + ww}`,
      );
      out.set([':', ':', i, j], window.reshape(n, -1).matmul(wRows.T).add(b));
    }
  }
  return { out, cache: { x, w, b, convParam } };
}

export function convBackwardNaive(dout: NDArray, cache: ConvCache) {
  const { x, w, convParam } = cache;
  const { stride, pad } = convParam;
  const [n = 0, c = 0, h = 0, wd = 0] = x.shape;
  const [f = 0, , hh = 0, ww = 0] = w.shape;
  const [, , hOut = 0, wOut = 0] = dout.shape;
  const xp = padImages(x, pad);
  const wRows = w.reshape(f, -1);
  const dxp = np.zerosLike(xp);
  let dwRows = np.zeros([f, c * hh * ww]);
  for (let i = 0; i < hOut; i++) {
    for (let j = 0; j < wOut; j++) {
      const rows = `${i * stride}:${i * stride + hh}`;
      const cols = `${j * stride}:${j * stride + ww}`;
      const d = dout.slice(':', ':', i, j); // (N, F)
      dwRows = dwRows.add(d.T.matmul(xp.slice(':', ':', rows, cols).reshape(n, -1)));
      const dWindow = d.matmul(wRows).reshape(n, c, hh, ww);
      dxp.set([':', ':', rows, cols], dxp.slice(':', ':', rows, cols).add(dWindow));
    }
  }
  const dx = dxp.slice(':', ':', `${pad}:${pad + h}`, `${pad}:${pad + wd}`).copy();
  const dw = dwRows.reshape(w.shape);
  const db = dout.sum({ axis: [0, 2, 3] });
  return { dx, dw, db };
}
