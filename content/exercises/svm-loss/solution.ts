// Reference solution: server-only, never shipped to a browser.

export function svmLoss(scores: NDArray, y: NDArray) {
  const [n = 0, c = 0] = scores.shape;
  const labels = y.reshape(n, 1);
  const correct = np.takeAlongAxis(scores, labels, 1); // (N, 1): s_{y_i}
  const isTrue = np.arange(c).reshape(1, c).equal(labels); // (N, C)
  const margins = np.where(isTrue, 0, np.maximum(0, scores.subtract(correct).add(1)));
  const loss = (margins.sum().item() as number) / n;
  const active = margins.greater(0).astype('float64'); // a margin of exactly 0 gives no gradient
  const count = active.sum({ axis: 1, keepdims: true }); // (N, 1)
  const dscores = np.where(isTrue, count.negative(), active).divide(n);
  return { loss, dscores };
}
