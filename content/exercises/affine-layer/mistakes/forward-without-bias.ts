// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint = 'out looks like x @ w without the bias: add b to every row (broadcasting does it).';

export function affineForward(x: NDArray, w: NDArray, b: NDArray) {
  const n = x.shape[0] ?? 0;
  void b;
  return { out: x.reshape(n, -1).matmul(w), cache: { x, w } };
}
