// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint = 'the loss is the sum over the batch: it is the mean, so divide it by N as well.';

export function softmaxLoss(scores: NDArray, y: NDArray) {
  const n = scores.shape[0] ?? 0;
  const shifted = scores.subtract(scores.max({ axis: 1, keepdims: true }));
  const exps = shifted.exp();
  const sums = exps.sum({ axis: 1, keepdims: true });
  const dscores = exps.divide(sums);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const label = y.at(i);
    loss += Math.log(sums.at(i, 0)) - shifted.at(i, label);
    dscores.set([i, label], dscores.at(i, label) - 1);
  }
  return { loss, dscores: dscores.divide(n) };
}
