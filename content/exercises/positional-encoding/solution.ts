// Reference solution: server-only, never shipped to a browser.

/** pe[t, 2i] = sin(t / 10000^(2i/d)), pe[t, 2i+1] = cos(same angle); interleaved columns. */
export function sinusoidalEncoding(T: number, d: number) {
  const rows: number[][] = [];
  for (let t = 0; t < T; t++) {
    const row: number[] = [];
    for (let j = 0; j < d; j++) {
      const i = Math.floor(j / 2); // columns 2i and 2i+1 share a frequency
      const angle = t / 10000 ** ((2 * i) / d);
      row.push(j % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
    }
    rows.push(row);
  }
  return { pe: np.array(rows).reshape(T, d) };
}

/** x: (N, T, d); pe: (L, d) with L >= T. Adds the first T rows of pe to every sequence. */
export function addPositionalEncoding(x: NDArray, pe: NDArray) {
  const T = x.shape[1] ?? 0;
  return { out: x.add(pe.slice({ stop: T })) };
}
