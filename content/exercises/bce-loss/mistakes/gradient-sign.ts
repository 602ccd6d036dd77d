// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dlogits has the wrong sign: the derivative of the loss with respect to z is sigmoid(z) - y, not y - sigmoid(z).';

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
    grad[i] = (yi - (zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi)))) / n;
  }
  return { loss: loss / n, dlogits: np.array(grad) };
}
