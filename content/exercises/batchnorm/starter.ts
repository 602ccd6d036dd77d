/**
 * Batch normalization for a fully connected layer. `np` is available as a global (NumPy's API
 * in camelCase). x: (N, D), gamma: (D,), beta: (D,).
 * bnParam: { mode: 'train' | 'test', eps = 1e-5, momentum = 0.9, runningMean?, runningVar? }.
 */
interface BnParam {
  mode: 'train' | 'test';
  eps?: number;
  momentum?: number;
  runningMean?: NDArray;
  runningVar?: NDArray;
}

/** Returns out: (N, D), a cache for the backward pass and the new bnParam (a new object). */
export function batchnormForward(x: NDArray, gamma: NDArray, beta: NDArray, bnParam: BnParam) {
  const { mode, eps = 1e-5, momentum = 0.9 } = bnParam;
  const d = x.shape[1] ?? 0;
  const runningMean = bnParam.runningMean ?? np.zeros([d]);
  const runningVar = bnParam.runningVar ?? np.zeros([d]);
  // TODO: in 'train' mode normalise with the batch mean and variance (divide by N) and update
  // the running statistics; in 'test' mode normalise with the running statistics.
  void mode;
  void eps;
  void momentum;
  const out = x.multiply(gamma).add(beta);
  return { out, cache: { x, gamma, beta }, bnParam: { ...bnParam, runningMean, runningVar } };
}

/** dout: (N, D). Returns dx (N, D), dgamma (D,), dbeta (D,). */
export function batchnormBackward(dout: NDArray, cache: { x: NDArray; gamma: NDArray; beta: NDArray }) {
  const { x, gamma } = cache;
  // TODO: dbeta and dgamma sum over the batch; dx needs the paths through the mean and the variance.
  const dx = dout.multiply(gamma);
  const dgamma = dout.multiply(x).sum({ axis: 0 });
  const dbeta = dout.sum({ axis: 0 });
  return { dx, dgamma, dbeta };
}
