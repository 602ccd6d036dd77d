/**
 * The convolutional layer as a matrix product (im2col). `np` is available as a global (NumPy's API
 * in camelCase). x: (N, C, H, W), w: (F, C, HH, WW), b: (F,), convParam: { stride, pad }.
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
  cols: NDArray;
}

/** H' and W' for windows of fieldHeight x fieldWidth over x's (H, W). */
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

/** Returns cols: (C * fieldHeight * fieldWidth, N * H' * W'), rows (c, a, b'), columns (n, i, j). */
export function im2col(x: NDArray, fieldHeight: number, fieldWidth: number, convParam: ConvParam) {
  const [n = 0, c = 0] = x.shape;
  const { hOut, wOut } = outputSize(x.shape, fieldHeight, fieldWidth, convParam);
  // TODO: pad x on all four sides, then column (n, i, j) holds the window of image n at row
  // i * stride, column j * stride, flattened in the order (c, a, b').
  return np.zeros([c * fieldHeight * fieldWidth, n * hOut * wOut]);
}

/** The adjoint of im2col: returns dx of shape xShape = [N, C, H, W]. */
export function col2im(
  cols: NDArray,
  xShape: readonly number[],
  fieldHeight: number,
  fieldWidth: number,
  convParam: ConvParam,
) {
  // TODO: add every entry of cols back at the place of the padded input it came from (windows
  // overlap: add, do not overwrite), then cut the padding off.
  void cols;
  void fieldHeight;
  void fieldWidth;
  void convParam;
  return np.zeros([...xShape]);
}

/** Returns out: (N, F, H', W') and a cache for the backward pass. */
export function convForwardFast(x: NDArray, w: NDArray, b: NDArray, convParam: ConvParam) {
  const [n = 0] = x.shape;
  const [f = 0, , hh = 0, ww = 0] = w.shape;
  const { hOut, wOut } = outputSize(x.shape, hh, ww, convParam);
  const cols = im2col(x, hh, ww, convParam);
  // TODO: one matmul of the filters as rows (F, C*HH*WW) with cols, plus b; then bring the
  // (F, N*H'*W') result into the shape (N, F, H', W').
  const out = np.zeros([n, f, hOut, wOut]);
  return { out, cache: { x, w, b, convParam, cols } };
}

/** dout: (N, F, H', W'). Returns dx shaped like x, dw like w, db like b. */
export function convBackwardFast(dout: NDArray, cache: ConvCache) {
  const { x, w, b } = cache;
  // TODO: bring dout into the shape (F, N*H'*W'); dw and dcols are one matmul each, dx = col2im(dcols).
  void dout;
  return { dx: np.zerosLike(x), dw: np.zerosLike(w), db: np.zerosLike(b) };
}
