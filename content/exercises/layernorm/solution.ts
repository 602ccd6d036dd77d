// Reference solution: server-only, never shipped to a browser.

export function layernormForward(x: NDArray, gamma: NDArray, beta: NDArray, lnParam: { eps?: number } = {}) {
  const eps = lnParam.eps ?? 1e-5;
  const mean = x.mean({ axis: 1, keepdims: true });
  const centred = x.subtract(mean);
  const variance = centred.square().mean({ axis: 1, keepdims: true });
  const invStd = variance.add(eps).sqrt().power(-1);
  const xHat = centred.multiply(invStd);
  return { out: xHat.multiply(gamma).add(beta), cache: { xHat, invStd, gamma } };
}

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
  return { dx, dgamma: dout.multiply(xHat).sum({ axis: 0 }), dbeta: dout.sum({ axis: 0 }) };
}
