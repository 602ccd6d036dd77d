// Reference solution: server-only, never shipped to a browser.

export function mseLoss(pred: NDArray, target: NDArray) {
  const n = pred.shape[0] ?? 1;
  const diff = pred.subtract(target);
  const loss = (diff.square().sum().item() as number) / (2 * n);
  return { loss, dpred: diff.divide(n) };
}
