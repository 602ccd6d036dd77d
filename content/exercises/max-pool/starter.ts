/**
 * Max pooling. `np` is available as a global (NumPy's API in camelCase).
 * x: (N, C, H, W); poolParam: { poolHeight, poolWidth, stride }.
 */
interface PoolParam {
  poolHeight: number;
  poolWidth: number;
  stride: number;
}

/** Returns out: (N, C, H', W') and a cache for the backward pass. */
export function maxPoolForwardNaive(x: NDArray, poolParam: PoolParam) {
  const { poolHeight, poolWidth, stride } = poolParam;
  const [n = 0, c = 0, h = 0, w = 0] = x.shape;
  const hOut = 1 + Math.floor((h - poolHeight) / stride);
  const wOut = 1 + Math.floor((w - poolWidth) / stride);
  // TODO: out[:, :, i, j] is the maximum of the window of x that starts at row i * stride and
  // column j * stride (x.slice(':', ':', 'a:b', 'c:d') is x[:, :, a:b, c:d]).
  const out = np.zeros([n, c, hOut, wOut]);
  return { out, cache: { x, poolParam } };
}

/** dout: (N, C, H', W'). Returns dx shaped like x. */
export function maxPoolBackwardNaive(dout: NDArray, cache: { x: NDArray; poolParam: PoolParam }) {
  const { x } = cache;
  // TODO: send each dout[n, c, i, j] to the first maximum of its window; where windows overlap,
  // add the contributions up.
  const dx = np.zerosLike(x);
  void dout;
  return { dx };
}
