// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  "In 'test' mode out is normalised with the test batch's own mean and variance: at test time use bnParam.runningMean and bnParam.runningVar, so each example's output does not depend on the rest of the batch.";

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
  const mu = x.mean({ axis: 0 });
  const centred = x.subtract(mu);
  const variance = centred.square().mean({ axis: 0 });
  const invStd = np.divide(1, variance.add(eps).sqrt());
  const xhat = centred.multiply(invStd);
  const out = xhat.multiply(gamma).add(beta);
  if (mode === 'test')
    return { out, cache: { xhat, gamma, invStd, mode }, bnParam: { ...bnParam, runningMean, runningVar } };
  return {
    out,
    cache: { xhat, gamma, invStd, mode },
    bnParam: {
      ...bnParam,
      runningMean: runningMean.multiply(momentum).add(mu.multiply(1 - momentum)),
      runningVar: runningVar.multiply(momentum).add(variance.multiply(1 - momentum)),
    },
  };
}
