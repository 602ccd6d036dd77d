// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'pe has cosines in the even columns and sines in the odd ones: column 2i holds sin and column 2i+1 cos (row t = 0 is 0, 1, 0, 1, ...).';

export function sinusoidalEncoding(T: number, d: number) {
  const rows: number[][] = [];
  for (let t = 0; t < T; t++) {
    const row: number[] = [];
    for (let j = 0; j < d; j++) {
      const angle = t / 10000 ** ((2 * Math.floor(j / 2)) / d);
      row.push(j % 2 === 0 ? Math.cos(angle) : Math.sin(angle));
    }
    rows.push(row);
  }
  return { pe: np.array(rows).reshape(T, d) };
}
