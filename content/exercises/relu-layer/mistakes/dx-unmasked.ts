// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dx equals dout everywhere: the ReLU passes the gradient only where x > 0 and blocks it (0) elsewhere.';

export function reluBackward(dout: NDArray, cache: { x: NDArray }) {
  void cache;
  return { dx: dout };
}
