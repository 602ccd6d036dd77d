// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dx treats the batch mean and variance as constants (dx = dout * gamma / sqrt(var + eps)): both depend on every x in the batch, so dx needs the two extra terms through the mean and the variance.';

export function batchnormBackward(dout: NDArray, cache: { xhat: NDArray; gamma: NDArray; invStd: NDArray }) {
  const { xhat, gamma, invStd } = cache;
  return {
    dx: dout.multiply(gamma).multiply(invStd),
    dgamma: dout.multiply(xhat).sum({ axis: 0 }),
    dbeta: dout.sum({ axis: 0 }),
  };
}
