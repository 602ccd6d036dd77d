// A known mistake: only the function that is wrong; the others come from solution.ts.
// The true class is not left out: its margin s_y - s_y + 1 = 1 adds 1 to every example's loss.
// (Its gradient is the same: +1 from its own margin and -(count + 1) from the others cancel.)
export const hint =
  "loss is 1 too large: the sum runs over j != y_i only; the true class's own margin max(0, s_y - s_y + 1) = 1 must be left out (set it to 0).";

export function svmLoss(scores: NDArray, y: NDArray) {
  const [n = 0] = scores.shape;
  const labels = y.reshape(n, 1);
  const correct = np.takeAlongAxis(scores, labels, 1);
  const margins = np.maximum(0, scores.subtract(correct).add(1));
  const loss = (margins.sum().item() as number) / n;
  const c = scores.shape[1] ?? 0;
  const isTrue = np.arange(c).reshape(1, c).equal(labels);
  const active = margins.greater(0).astype('float64');
  const count = active.sum({ axis: 1, keepdims: true });
  const dscores = np.where(isTrue, count.negative().add(1), active).divide(n);
  return { loss, dscores };
}
