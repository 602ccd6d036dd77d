// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dpred is N times too large: the loss is a mean over the batch, so its gradient carries the 1/N too.';

export function mseLoss(pred: NDArray, target: NDArray) {
  const n = pred.shape[0] ?? 1;
  const diff = pred.subtract(target);
  return { loss: (diff.square().sum().item() as number) / (2 * n), dpred: diff };
}
