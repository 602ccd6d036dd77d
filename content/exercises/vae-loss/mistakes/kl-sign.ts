// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'the KL term has the wrong sign: KL = -1/2 sum(1 + log sigma^2 - mu^2 - sigma^2) is never negative.';

export function klLoss(mu: NDArray, logVar: NDArray) {
  const n = mu.shape[0] ?? 1;
  const terms = logVar.add(1).subtract(mu.square()).subtract(logVar.exp());
  return {
    kl: (0.5 * (terms.sum().item() as number)) / n,
    dmu: mu.divide(n).negative(),
    dlogVar: logVar.exp().subtract(1).multiply(-0.5).divide(n),
  };
}
