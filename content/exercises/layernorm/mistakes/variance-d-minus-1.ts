// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'the variance divides by D - 1: normalisation uses the plain mean of the squared deviations (divide by D).';

export function layernormForward(x: NDArray, gamma: NDArray, beta: NDArray, lnParam: { eps?: number } = {}) {
  const eps = lnParam.eps ?? 1e-5;
  const d = x.shape[1] ?? 2;
  const centred = x.subtract(x.mean({ axis: 1, keepdims: true }));
  const variance = centred
    .square()
    .sum({ axis: 1, keepdims: true })
    .divide(d - 1);
  const invStd = variance.add(eps).sqrt().power(-1);
  const xHat = centred.multiply(invStd);
  return { out: xHat.multiply(gamma).add(beta), cache: { xHat, invStd, gamma } };
}
