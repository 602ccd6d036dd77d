// A known mistake: only the functions that are wrong; the others come from solution.ts.
export const hint =
  'out is too small: the zero padding goes on all four sides (pad rows above and below, pad columns left and right), so H + 2 pad rows go into the output size.';

interface ConvParam {
  stride: number;
  pad: number;
}

/** Padding only after the last row and column. */
function padImages(x: NDArray, pad: number): NDArray {
  return np.pad(x, [
    [0, 0],
    [0, 0],
    [0, pad],
    [0, pad],
  ]);
}

export function convForwardNaive(x: NDArray, w: NDArray, b: NDArray, convParam: ConvParam) {
  const { stride, pad } = convParam;
  const [n = 0] = x.shape;
  const [f = 0, , hh = 0, ww = 0] = w.shape;
  const xp = padImages(x, pad);
  const [, , hp = 0, wp = 0] = xp.shape;
  const hOut = 1 + Math.floor((hp - hh) / stride);
  const wOut = 1 + Math.floor((wp - ww) / stride);
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
      out.set([':', ':', i, j], window.reshape(n, -1).matmul(wRows.T).add(b));
    }
  }
  return { out, cache: { x, w, b, convParam } };
}
