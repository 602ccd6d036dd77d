// A known mistake: only the function that is wrong; the others come from solution.ts.
// The loss is right (a zero margin adds 0); the gradient counts s_j - s_y + 1 = 0 as active.
export const hint =
  'a margin of exactly 0 is counted as active (>= 0): max(0, m) has slope 0 at m = 0 in this course, so only margins > 0 contribute to dscores.';

export function svmLoss(scores: NDArray, y: NDArray) {
  const [n = 0, c = 0] = scores.shape;
  const labels = y.reshape(n, 1);
  const correct = np.takeAlongAxis(scores, labels, 1);
  const isTrue = np.arange(c).reshape(1, c).equal(labels);
  const raw = scores.subtract(correct).add(1);
  const margins = np.where(isTrue, 0, np.maximum(0, raw));
  const loss = (margins.sum().item() as number) / n;
  const active = np.where(isTrue, 0, raw.greaterEqual(0).astype('float64'));
  const count = active.sum({ axis: 1, keepdims: true });
  return { loss, dscores: np.where(isTrue, count.negative(), active).divide(n) };
}
