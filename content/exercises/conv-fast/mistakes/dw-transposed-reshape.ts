// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dw has the right shape but scrambled values: cols times dout^T is (C*HH*WW, F), the transpose of what w.reshape(F, -1) holds, so it must be transposed (or computed as dout times cols^T) before it is reshaped to (F, C, HH, WW).';

interface ConvParam {
  stride: number;
  pad: number;
}

export function convBackwardFast(
  dout: NDArray,
  cache: { x: NDArray; w: NDArray; b: NDArray; convParam: ConvParam; cols: NDArray },
) {
  const { x, w, convParam, cols } = cache;
  const { stride, pad } = convParam;
  const [n = 0, c = 0, h = 0, wd = 0] = x.shape;
  const [f = 0, , hh = 0, ww = 0] = w.shape;
  const doutRows = dout.transpose(1, 0, 2, 3).reshape(f, -1);
  const dcols = w.reshape(f, -1).T.matmul(doutRows);
  // col2im, inlined
  const hOut = 1 + Math.floor((h + 2 * pad - hh) / stride);
  const wOut = 1 + Math.floor((wd + 2 * pad - ww) / stride);
  const blocks = dcols.reshape(c, hh, ww, n, hOut, wOut);
  const dxp = np.zeros([n, c, h + 2 * pad, wd + 2 * pad]);
  for (let a = 0; a < hh; a++) {
    for (let bb = 0; bb < ww; bb++) {
      const rows = `${a}:${a + stride * hOut}:${stride}`;
      const columns = `${bb}:${bb + stride * wOut}:${stride}`;
      const block = blocks.slice(':', a, bb).transpose(1, 0, 2, 3);
      dxp.set([':', ':', rows, columns], dxp.slice(':', ':', rows, columns).add(block));
    }
  }
  return {
    dx: dxp.slice(':', ':', `${pad}:${pad + h}`, `${pad}:${pad + wd}`).copy(),
    // the mistake: (C*HH*WW, F) reshaped straight to (F, C, HH, WW)
    dw: cols.matmul(doutRows.T).reshape(w.shape),
    db: dout.sum({ axis: [0, 2, 3] }),
  };
}
