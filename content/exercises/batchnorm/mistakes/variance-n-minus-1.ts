// A known mistake: only the functions that are wrong; the others come from solution.ts.
export const hint =
  'The batch variance looks divided by N - 1 (the unbiased estimate): batchnorm uses the mean of the squared deviations, divided by N, both to normalise and in the running variance.';

interface BnParam {
  mode: 'train' | 'test';
  eps?: number;
  momentum?: number;
  runningMean?: NDArray;
  runningVar?: NDArray;
}

interface BnCache {
  x: NDArray;
  mu: NDArray;
  variance: NDArray;
  xhat: NDArray;
  gamma: NDArray;
  eps: number;
  mode: 'train' | 'test';
}

export function batchnormForward(x: NDArray, gamma: NDArray, beta: NDArray, bnParam: BnParam) {
  const { mode, eps = 1e-5, momentum = 0.9 } = bnParam;
  const d = x.shape[1] ?? 0;
  const runningMean = bnParam.runningMean ?? np.zeros([d]);
  const runningVar = bnParam.runningVar ?? np.zeros([d]);
  if (mode === 'train') {
    const mu = x.mean({ axis: 0 });
    const variance = x.var({ axis: 0, ddof: 1 });
    const xhat = x.subtract(mu).divide(variance.add(eps).sqrt());
    const cache: BnCache = { x, mu, variance, xhat, gamma, eps, mode };
    return {
      out: xhat.multiply(gamma).add(beta),
      cache,
      bnParam: {
        ...bnParam,
        runningMean: runningMean.multiply(momentum).add(mu.multiply(1 - momentum)),
        runningVar: runningVar.multiply(momentum).add(variance.multiply(1 - momentum)),
      },
    };
  }
  const xhat = x.subtract(runningMean).divide(runningVar.add(eps).sqrt());
  const cache: BnCache = { x, mu: runningMean, variance: runningVar, xhat, gamma, eps, mode };
  return { out: xhat.multiply(gamma).add(beta), cache, bnParam: { ...bnParam, runningMean, runningVar } };
}

/** The staged chain rule, consistent with the N - 1 variance of the forward pass. */
export function batchnormBackward(dout: NDArray, cache: BnCache) {
  const { x, mu, variance, xhat, gamma, eps } = cache;
  const n = x.shape[0] ?? 0;
  const dxhat = dout.multiply(gamma);
  const centred = x.subtract(mu);
  const std = variance.add(eps).sqrt();
  const dvar = dxhat.multiply(centred).sum({ axis: 0 }).multiply(-0.5).divide(std.power(3));
  const dmu = dxhat.sum({ axis: 0 }).negative().divide(std);
  const dx = dxhat
    .divide(std)
    .add(centred.multiply(dvar).multiply(2 / (n - 1)))
    .add(dmu.divide(n));
  return { dx, dgamma: dout.multiply(xhat).sum({ axis: 0 }), dbeta: dout.sum({ axis: 0 }) };
}
