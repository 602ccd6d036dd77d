// Reference solution: server-only, never shipped to a browser.

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
    const sigma = zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi));
    grad[i] = (sigma - yi) / n;
  }
  return { loss: loss / n, dlogits: np.array(grad) };
}
