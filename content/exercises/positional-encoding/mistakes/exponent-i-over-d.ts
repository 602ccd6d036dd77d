// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'the frequencies of pe fall too slowly along the columns: the pair index i enters the exponent as 2i/d, not i/d.';

export function sinusoidalEncoding(T: number, d: number) {
  const rows: number[][] = [];
  for (let t = 0; t < T; t++) {
    const row: number[] = [];
    for (let j = 0; j < d; j++) {
      const angle = t / 10000 ** (Math.floor(j / 2) / d);
      row.push(j % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
    }
    rows.push(row);
  }
  return { pe: np.array(rows).reshape(T, d) };
}
