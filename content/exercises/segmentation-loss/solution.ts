// Reference solution: server-only, never shipped to a browser.

export function segmentationLoss(scores: NDArray, y: NDArray) {
  const [n = 0, c = 0, h = 0, w = 0] = scores.shape;
  const s = scores.toTypedArray();
  const labels = y.toTypedArray();
  const grad = new Float64Array(s.length);
  const pixels = n * h * w;
  let loss = 0;
  for (let b = 0; b < n; b++)
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++) {
        const at = (k: number) => ((b * c + k) * h + i) * w + j;
        let max = Number.NEGATIVE_INFINITY;
        for (let k = 0; k < c; k++) max = Math.max(max, s[at(k)] as number);
        let total = 0;
        for (let k = 0; k < c; k++) total += Math.exp((s[at(k)] as number) - max);
        const label = labels[(b * h + i) * w + j] as number;
        loss += Math.log(total) - ((s[at(label)] as number) - max);
        for (let k = 0; k < c; k++) {
          const p = Math.exp((s[at(k)] as number) - max) / total;
          grad[at(k)] = (p - (k === label ? 1 : 0)) / pixels;
        }
      }
  return { loss: loss / pixels, dscores: np.array(grad).reshape([n, c, h, w]) };
}
