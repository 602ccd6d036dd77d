// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'pe is shifted by one position: positions start at t = 0, whose row is sin 0 = 0 and cos 0 = 1 alternating.';

export function sinusoidalEncoding(T: number, d: number) {
  const rows: number[][] = [];
  for (let t = 1; t <= T; t++) {
    const row: number[] = [];
    for (let j = 0; j < d; j++) {
      const angle = t / 10000 ** ((2 * Math.floor(j / 2)) / d);
      row.push(j % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
    }
    rows.push(row);
  }
  return { pe: np.array(rows).reshape(T, d) };
}
