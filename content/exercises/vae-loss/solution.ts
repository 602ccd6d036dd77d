// Reference solution: server-only, never shipped to a browser.

export function reparameterize(mu: NDArray, logVar: NDArray, eps: NDArray) {
  const std = logVar.multiply(0.5).exp();
  return { z: mu.add(std.multiply(eps)), cache: { std, eps } };
}

export function reparameterizeBackward(dz: NDArray, cache: { std: NDArray; eps: NDArray }) {
  return { dmu: dz.copy(), dlogVar: dz.multiply(cache.eps).multiply(cache.std).multiply(0.5) };
}

export function klLoss(mu: NDArray, logVar: NDArray) {
  const n = mu.shape[0] ?? 1;
  const terms = logVar.add(1).subtract(mu.square()).subtract(logVar.exp());
  const kl = (-0.5 * (terms.sum().item() as number)) / n;
  return { kl, dmu: mu.divide(n), dlogVar: logVar.exp().subtract(1).multiply(0.5).divide(n) };
}
