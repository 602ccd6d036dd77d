// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'pe has all the sines first and all the cosines after them: this course interleaves them, sin in column 2i and cos in column 2i+1.';

export function sinusoidalEncoding(T: number, d: number) {
  const half = Math.ceil(d / 2);
  const rows: number[][] = [];
  for (let t = 0; t < T; t++) {
    const row: number[] = [];
    for (let i = 0; i < half; i++) row.push(Math.sin(t / 10000 ** ((2 * i) / d)));
    for (let i = 0; i < d - half; i++) row.push(Math.cos(t / 10000 ** ((2 * i) / d)));
    rows.push(row);
  }
  return { pe: np.array(rows).reshape(T, d) };
}
