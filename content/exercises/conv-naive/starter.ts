/**
 * The convolutional layer, naive version. `np` is available as a global (NumPy's API in camelCase).
 * x: (N, C, H, W), w: (F, C, HH, WW), b: (F,), convParam: { stride, pad }.
 */
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

/** Returns out: (N, F, H', W') and a cache for the backward pass. */
export function convForwardNaive(x: NDArray, w: NDArray, b: NDArray, convParam: ConvParam) {
  const { stride, pad } = convParam;
  const [n = 0, , h = 0, wd = 0] = x.shape;
  const [f = 0, , hh = 0, ww = 0] = w.shape;
  const hOut = 1 + Math.floor((h + 2 * pad - hh) / stride);
  const wOut = 1 + Math.floor((wd + 2 * pad - ww) / stride);
  // TODO: pad x with zeros on all four sides (np.pad), then out[n, f, i, j] is the sum of
  // w[f] times the window of the padded x at row i * stride, column j * stride, plus b[f].
  const out = np.zeros([n, f, hOut, wOut]);
  return { out, cache: { x, w, b, convParam } };
}

/** dout: (N, F, H', W'). Returns dx shaped like x, dw like w, db like b. */
export function convBackwardNaive(dout: NDArray, cache: ConvCache) {
  const { x, w, b } = cache;
  // TODO: accumulate the gradients of every window; remove the padding from dx at the end.
  const dx = np.zerosLike(x);
  const dw = np.zerosLike(w);
  const db = np.zerosLike(b);
  void dout;
  return { dx, dw, db };
}
