// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dscores is the softmax itself: the gradient is the probabilities minus the one-hot labels (subtract 1 at each true class).';

export function softmaxLoss(scores: NDArray, y: NDArray) {
  const n = scores.shape[0] ?? 0;
  const shifted = scores.subtract(scores.max({ axis: 1, keepdims: true }));
  const exps = shifted.exp();
  const sums = exps.sum({ axis: 1, keepdims: true });
  let loss = 0;
  for (let i = 0; i < n; i++) loss += Math.log(sums.at(i, 0)) - shifted.at(i, y.at(i));
  return { loss: loss / n, dscores: exps.divide(sums).divide(n) };
}
