// A known mistake: only the function that is wrong; the others come from solution.ts.
// The values it returns are right; it overwrites the negative entries of x itself.
export const hint =
  'reluForward changes x in place (writing into x.data or x.set): build a new array, e.g. np.maximum(x, 0), and leave the input as it was.';

export function reluForward(x: NDArray) {
  const data = x.data;
  for (let i = 0; i < data.length; i++) if ((data[i] as number) < 0) data[i] = 0;
  return { out: x, cache: { x } };
}
