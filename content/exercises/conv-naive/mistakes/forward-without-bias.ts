// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'out looks like the convolution without the bias: add b[f] to every position of output channel f.';

interface ConvParam {
  stride: number;
  pad: number;
}

export function convForwardNaive(x: NDArray, w: NDArray, b: NDArray, convParam: ConvParam) {
  const { stride, pad } = convParam;
  const [n = 0, , h = 0, wd = 0] = x.shape;
  const [f = 0, , hh = 0, ww = 0] = w.shape;
  const hOut = 1 + Math.floor((h + 2 * pad - hh) / stride);
  const wOut = 1 + Math.floor((wd + 2 * pad - ww) / stride);
  const xp = np.pad(x, [
    [0, 0],
    [0, 0],
    [pad, pad],
    [pad, pad],
  ]);
  const wRows = w.reshape(f, -1);
  const out = np.zeros([n, f, hOut, wOut]);
  for (let i = 0; i < hOut; i++) {
    for (let j = 0; j < wOut; j++) {
      const window = xp.slice(
        ':',
        ':',
        `${i * stride}:${i * stride + hh}`,
        `${j * stride}:${j * stride + ww}`,
      );
      out.set([':', ':', i, j], window.reshape(n, -1).matmul(wRows.T));
    }
  }
  return { out, cache: { x, w, b, convParam } };
}
