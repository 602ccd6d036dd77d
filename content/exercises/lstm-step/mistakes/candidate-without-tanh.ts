// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'the candidate g is a tanh of its activations (the three gates are sigmoids): without the tanh the cell update is unbounded.';

const sigmoid = (a: NDArray) => a.negative().exp().add(1).power(-1);

export function lstmStepForward(
  x: NDArray,
  prevH: NDArray,
  prevC: NDArray,
  Wx: NDArray,
  Wh: NDArray,
  b: NDArray,
) {
  const h = prevH.shape[1] ?? 0;
  const a = x.matmul(Wx).add(prevH.matmul(Wh)).add(b);
  const i = sigmoid(a.slice(':', `0:${h}`));
  const f = sigmoid(a.slice(':', `${h}:${2 * h}`));
  const o = sigmoid(a.slice(':', `${2 * h}:${3 * h}`));
  const g = a.slice(':', `${3 * h}:${4 * h}`);
  const nextC = f.multiply(prevC).add(i.multiply(g));
  const tanhC = nextC.tanh();
  const nextH = o.multiply(tanhC);
  return { nextH, nextC, cache: { x, prevH, prevC, Wx, Wh, i, f, o, g, tanhC } };
}
