// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'y = 1 is scored as "no": the term y log p belongs to the label 1, (1 - y) log(1 - p) to the label 0.';

export function bceLoss(logits: NDArray, y: NDArray) {
  const n = logits.shape[0] ?? 1;
  const z = logits.toTypedArray();
  const t = y.toTypedArray();
  let loss = 0;
  const grad = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) {
    const zi = z[i] as number;
    const yi = 1 - (t[i] as number);
    loss += Math.max(zi, 0) - zi * yi + Math.log1p(Math.exp(-Math.abs(zi)));
    grad[i] = ((zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi))) - yi) / n;
  }
  return { loss: loss / n, dlogits: np.array(grad) };
}
