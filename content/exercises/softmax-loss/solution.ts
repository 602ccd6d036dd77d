// Reference solution: server-only, never shipped to a browser.

export function softmaxLoss(scores: NDArray, y: NDArray) {
  const n = scores.shape[0] ?? 0;
  const shifted = scores.subtract(scores.max({ axis: 1, keepdims: true }));
  const exps = shifted.exp();
  const sums = exps.sum({ axis: 1, keepdims: true });
  const logSums = sums.log();
  const dscores = exps.divide(sums);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const label = y.at(i);
    loss += logSums.at(i, 0) - shifted.at(i, label);
    dscores.set([i, label], dscores.at(i, label) - 1);
  }
  return { loss: loss / n, dscores: dscores.divide(n) };
}
