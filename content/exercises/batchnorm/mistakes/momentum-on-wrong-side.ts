// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'The running statistics move too fast: momentum weighs the old running value, running = momentum * running + (1 - momentum) * batch statistic.';

interface BnParam {
  mode: 'train' | 'test';
  eps?: number;
  momentum?: number;
  runningMean?: NDArray;
  runningVar?: NDArray;
}

export function batchnormForward(x: NDArray, gamma: NDArray, beta: NDArray, bnParam: BnParam) {
  const { mode, eps = 1e-5, momentum = 0.9 } = bnParam;
  const d = x.shape[1] ?? 0;
  const runningMean = bnParam.runningMean ?? np.zeros([d]);
  const runningVar = bnParam.runningVar ?? np.zeros([d]);
  if (mode === 'train') {
    const mu = x.mean({ axis: 0 });
    const centred = x.subtract(mu);
    const variance = centred.square().mean({ axis: 0 });
    const invStd = np.divide(1, variance.add(eps).sqrt());
    const xhat = centred.multiply(invStd);
    return {
      out: xhat.multiply(gamma).add(beta),
      cache: { xhat, gamma, invStd, mode },
      bnParam: {
        ...bnParam,
        runningMean: runningMean.multiply(1 - momentum).add(mu.multiply(momentum)),
        runningVar: runningVar.multiply(1 - momentum).add(variance.multiply(momentum)),
      },
    };
  }
  const invStd = np.divide(1, runningVar.add(eps).sqrt());
  const xhat = x.subtract(runningMean).multiply(invStd);
  return {
    out: xhat.multiply(gamma).add(beta),
    cache: { xhat, gamma, invStd, mode },
    bnParam: { ...bnParam, runningMean, runningVar },
  };
}
