// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'loss and dscores are both N times too large: average over the batch (divide the summed margins, and the gradient, by N).';

export function svmLoss(scores: NDArray, y: NDArray) {
  const [n = 0, c = 0] = scores.shape;
  const labels = y.reshape(n, 1);
  const correct = np.takeAlongAxis(scores, labels, 1);
  const isTrue = np.arange(c).reshape(1, c).equal(labels);
  const margins = np.where(isTrue, 0, np.maximum(0, scores.subtract(correct).add(1)));
  const active = margins.greater(0).astype('float64');
  const count = active.sum({ axis: 1, keepdims: true });
  return { loss: margins.sum().item() as number, dscores: np.where(isTrue, count.negative(), active) };
}
