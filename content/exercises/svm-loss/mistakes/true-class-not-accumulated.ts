// A known mistake: only the function that is wrong; the others come from solution.ts.
// The loop version: dscores[i][y_i] = -1 for each active margin, where -= 1 was meant.
export const hint =
  'dscores at the true class is -1 (per N) where it should be minus the number of active margins in that row: every wrong class with a positive margin pushes s_{y_i} down once, so accumulate.';

export function svmLoss(scores: NDArray, y: NDArray) {
  const [n = 0, c = 0] = scores.shape;
  const s = scores.toArray() as number[][];
  const labels = y.toArray() as number[];
  const d = Array.from({ length: n }, () => new Array<number>(c).fill(0));
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const row = s[i] as number[];
    const yi = labels[i] as number;
    for (let j = 0; j < c; j++) {
      if (j === yi) continue;
      const margin = (row[j] as number) - (row[yi] as number) + 1;
      if (margin > 0) {
        loss += margin;
        (d[i] as number[])[j] = 1 / n;
        (d[i] as number[])[yi] = -1 / n;
      }
    }
  }
  return { loss: loss / n, dscores: np.array(d) };
}
