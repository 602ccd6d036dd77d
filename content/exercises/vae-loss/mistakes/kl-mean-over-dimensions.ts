// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'the KL term is averaged over the code dimensions too: it is a sum over the K dimensions, averaged over the N examples only.';

export function klLoss(mu: NDArray, logVar: NDArray) {
  const count = mu.size;
  const terms = logVar.add(1).subtract(mu.square()).subtract(logVar.exp());
  return {
    kl: (-0.5 * (terms.sum().item() as number)) / count,
    dmu: mu.divide(count),
    dlogVar: logVar.exp().subtract(1).multiply(0.5).divide(count),
  };
}
