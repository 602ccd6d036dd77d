// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dx treats the row mean and variance as constants: they depend on x too, which adds the two sums (over the row) to dx.';

export function layernormBackward(dout: NDArray, cache: { xHat: NDArray; invStd: NDArray; gamma: NDArray }) {
  const { xHat, invStd, gamma } = cache;
  return {
    dx: dout.multiply(gamma).multiply(invStd),
    dgamma: dout.multiply(xHat).sum({ axis: 0 }),
    dbeta: dout.sum({ axis: 0 }),
  };
}
