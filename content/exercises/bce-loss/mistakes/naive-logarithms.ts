// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'log(sigmoid(z)) and log(1 - sigmoid(z)) become -Infinity for large |z| (the sigmoid rounds to 0 or 1): use max(z, 0) - z y + log(1 + exp(-|z|)).';

export function bceLoss(logits: NDArray, y: NDArray) {
  const n = logits.shape[0] ?? 1;
  const p = logits.negative().exp().add(1).power(-1);
  const loss = y.multiply(p.log()).add(y.multiply(-1).add(1).multiply(p.multiply(-1).add(1).log()));
  return { loss: -(loss.sum().item() as number) / n, dlogits: p.subtract(y).divide(n) };
}
