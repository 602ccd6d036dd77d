/**
 * Sinusoidal positional encoding. `np` is available as a global; it has no sin or cos:
 * use Math.sin and Math.cos, then build the array with np.array(rows).
 */
export function sinusoidalEncoding(T: number, d: number) {
  // TODO: pe[t, 2i] = sin(t / 10000^(2i/d)), pe[t, 2i+1] = cos(t / 10000^(2i/d)).
  const pe = np.zeros([T, d]);
  return { pe };
}

/** x: (N, T, d), pe: (L, d) with L >= T. */
export function addPositionalEncoding(x: NDArray, pe: NDArray) {
  // TODO: add the first T rows of pe to every sequence of x (broadcasting over N).
  void pe;
  return { out: x.copy() };
}
