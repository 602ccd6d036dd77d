// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'dx is masked where dout is positive: the mask comes from the forward input (x > 0), whatever the sign of the upstream gradient.';

export function reluBackward(dout: NDArray, cache: { x: NDArray }) {
  void cache;
  return { dx: np.where(dout.greater(0), dout, 0) };
}
