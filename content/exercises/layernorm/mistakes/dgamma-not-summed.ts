// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dgamma and dbeta are averaged over the batch: gamma and beta are shared by every example, so their gradients are sums.';

export function layernormBackward(dout: NDArray, cache: { xHat: NDArray; invStd: NDArray; gamma: NDArray }) {
  const { xHat, invStd, gamma } = cache;
  const d = xHat.shape[1] ?? 1;
  const dxHat = dout.multiply(gamma);
  const dx = dxHat
    .multiply(d)
    .subtract(dxHat.sum({ axis: 1, keepdims: true }))
    .subtract(xHat.multiply(dxHat.multiply(xHat).sum({ axis: 1, keepdims: true })))
    .multiply(invStd)
    .divide(d);
  return { dx, dgamma: dout.multiply(xHat).mean({ axis: 0 }), dbeta: dout.mean({ axis: 0 }) };
}
