// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  "exp of a score in the thousands overflows to Infinity: subtract each row's maximum before exponentiating (it cancels in the softmax).";

export function softmaxLoss(scores: NDArray, y: NDArray) {
  const n = scores.shape[0] ?? 0;
  const exps = scores.exp();
  const probs = exps.divide(exps.sum({ axis: 1, keepdims: true }));
  const dscores = probs.copy();
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const label = y.at(i);
    loss -= Math.log(probs.at(i, label));
    dscores.set([i, label], dscores.at(i, label) - 1);
  }
  return { loss: loss / n, dscores: dscores.divide(n) };
}
