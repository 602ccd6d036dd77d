// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  "addPositionalEncoding wrote the sum into x (NumPy's x += pe habit): return a new array and leave x unchanged.";

export function addPositionalEncoding(x: NDArray, pe: NDArray) {
  const T = x.shape[1] ?? 0;
  x.set([], x.add(pe.slice({ stop: T })));
  return { out: x };
}
