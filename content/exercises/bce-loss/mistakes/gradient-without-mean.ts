// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dlogits is N times too large: the loss is a mean over the batch, so its gradient carries the 1/N too.';

export function bceLoss(logits: NDArray, y: NDArray) {
  const n = logits.shape[0] ?? 1;
  const z = logits.toTypedArray();
  const t = y.toTypedArray();
  let loss = 0;
  const grad = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) {
    const zi = z[i] as number;
    const yi = t[i] as number;
    loss += Math.max(zi, 0) - zi * yi + Math.log1p(Math.exp(-Math.abs(zi)));
    grad[i] = (zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi))) - yi;
  }
  return { loss: loss / n, dlogits: np.array(grad) };
}
