// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dscores is N times too large: the loss is a mean over the batch, so its gradient carries the same 1/N.';

export function svmLoss(scores: NDArray, y: NDArray) {
  const [n = 0, c = 0] = scores.shape;
  const labels = y.reshape(n, 1);
  const correct = np.takeAlongAxis(scores, labels, 1);
  const isTrue = np.arange(c).reshape(1, c).equal(labels);
  const margins = np.where(isTrue, 0, np.maximum(0, scores.subtract(correct).add(1)));
  const loss = (margins.sum().item() as number) / n;
  const active = margins.greater(0).astype('float64');
  const count = active.sum({ axis: 1, keepdims: true });
  return { loss, dscores: np.where(isTrue, count.negative(), active) };
}
