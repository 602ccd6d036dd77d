// A known mistake: only the functions that are wrong; the others come from solution.ts.
export const hint =
  "the statistics are taken over the batch (axis 0), which is batch normalisation: layer normalisation uses each row's own mean and variance (axis 1).";

export function layernormForward(x: NDArray, gamma: NDArray, beta: NDArray, lnParam: { eps?: number } = {}) {
  const eps = lnParam.eps ?? 1e-5;
  const centred = x.subtract(x.mean({ axis: 0, keepdims: true }));
  const invStd = centred.square().mean({ axis: 0, keepdims: true }).add(eps).sqrt().power(-1);
  const xHat = centred.multiply(invStd);
  return { out: xHat.multiply(gamma).add(beta), cache: { xHat, invStd, gamma } };
}
