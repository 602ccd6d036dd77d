// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  "the loss is twice the course's: this course writes the squared error with a factor 1/2 (and then dpred has no factor 2).";

export function mseLoss(pred: NDArray, target: NDArray) {
  const n = pred.shape[0] ?? 1;
  const diff = pred.subtract(target);
  return { loss: (diff.square().sum().item() as number) / n, dpred: diff.multiply(2).divide(n) };
}
