// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'the odd columns of pe use a slightly different frequency from their even neighbours: columns 2i and 2i+1 share the exponent 2i/d (use the pair index, not the column index).';

export function sinusoidalEncoding(T: number, d: number) {
  const rows: number[][] = [];
  for (let t = 0; t < T; t++) {
    const row: number[] = [];
    for (let j = 0; j < d; j++) {
      const angle = t / 10000 ** (j / d);
      row.push(j % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
    }
    rows.push(row);
  }
  return { pe: np.array(rows).reshape(T, d) };
}
