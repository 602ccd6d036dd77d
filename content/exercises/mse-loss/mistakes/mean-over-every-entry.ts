// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  "the loss is averaged over all N x D entries: the mean is over the N examples only (each example's squared errors are summed).";

export function mseLoss(pred: NDArray, target: NDArray) {
  const count = pred.size;
  const diff = pred.subtract(target);
  return { loss: (diff.square().sum().item() as number) / (2 * count), dpred: diff.divide(count) };
}
