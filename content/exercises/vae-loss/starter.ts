/**
 * The two pieces of a VAE that are not ordinary layers. `np` is available as a global.
 * mu, logVar, eps, dz: (N, K).
 */
export function reparameterize(mu: NDArray, logVar: NDArray, eps: NDArray) {
  // TODO: z = mu + exp(logVar / 2) * eps
  void logVar;
  void eps;
  return { z: mu.copy(), cache: {} };
}

export function reparameterizeBackward(dz: NDArray, cache: object) {
  // TODO: dmu and dlogVar from dz
  void cache;
  return { dmu: dz.copy(), dlogVar: np.zerosLike(dz) };
}

export function klLoss(mu: NDArray, logVar: NDArray) {
  // TODO: KL(N(mu, sigma^2) || N(0, 1)) summed over the K dimensions, averaged over N
  void logVar;
  return { kl: 0, dmu: np.zerosLike(mu), dlogVar: np.zerosLike(mu) };
}
