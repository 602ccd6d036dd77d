// Reference solution: server-only, never shipped to a browser.

interface BnParam {
  mode: 'train' | 'test';
  eps?: number;
  momentum?: number;
  runningMean?: NDArray;
  runningVar?: NDArray;
}

interface BnCache {
  xhat: NDArray;
  gamma: NDArray;
  invStd: NDArray;
  mode: 'train' | 'test';
}

export function batchnormForward(x: NDArray, gamma: NDArray, beta: NDArray, bnParam: BnParam) {
  const { mode, eps = 1e-5, momentum = 0.9 } = bnParam;
  const d = x.shape[1] ?? 0;
  const runningMean = bnParam.runningMean ?? np.zeros([d]);
  const runningVar = bnParam.runningVar ?? np.zeros([d]);
  if (mode === 'train') {
    const mu = x.mean({ axis: 0 });
    const centred = x.subtract(mu);
    const variance = centred.square().mean({ axis: 0 }); // divides by N
    const invStd = np.divide(1, variance.add(eps).sqrt());
    const xhat = centred.multiply(invStd);
    const out = xhat.multiply(gamma).add(beta);
    const next: BnParam = {
      ...bnParam,
      runningMean: runningMean.multiply(momentum).add(mu.multiply(1 - momentum)),
      runningVar: runningVar.multiply(momentum).add(variance.multiply(1 - momentum)),
    };
    return { out, cache: { xhat, gamma, invStd, mode } as BnCache, bnParam: next };
  }
  if (mode === 'test') {
    const invStd = np.divide(1, runningVar.add(eps).sqrt());
    const xhat = x.subtract(runningMean).multiply(invStd);
    const out = xhat.multiply(gamma).add(beta);
    return {
      out,
      cache: { xhat, gamma, invStd, mode } as BnCache,
      bnParam: { ...bnParam, runningMean, runningVar },
    };
  }
  throw new Error(`batchnormForward: mode must be 'train' or 'test', got ${String(mode)}`);
}

export function batchnormBackward(dout: NDArray, cache: BnCache) {
  const { xhat, gamma, invStd, mode } = cache;
  const n = dout.shape[0] ?? 0;
  const dbeta = dout.sum({ axis: 0 });
  const dgamma = dout.multiply(xhat).sum({ axis: 0 });
  const dxhat = dout.multiply(gamma);
  if (mode === 'test') return { dx: dxhat.multiply(invStd), dgamma, dbeta };
  // dx = (1/N) invStd (N dxhat - sum_i dxhat - xhat sum_i dxhat * xhat)
  const dx = dxhat
    .multiply(n)
    .subtract(dxhat.sum({ axis: 0 }))
    .subtract(xhat.multiply(dxhat.multiply(xhat).sum({ axis: 0 })))
    .multiply(invStd.divide(n));
  return { dx, dgamma, dbeta };
}
