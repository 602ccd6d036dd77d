// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dpred points the wrong way: the derivative of (pred - target)^2 / 2 with respect to pred is pred - target, not target - pred.';

export function mseLoss(pred: NDArray, target: NDArray) {
  const n = pred.shape[0] ?? 1;
  const diff = pred.subtract(target);
  return { loss: (diff.square().sum().item() as number) / (2 * n), dpred: target.subtract(pred).divide(n) };
}
