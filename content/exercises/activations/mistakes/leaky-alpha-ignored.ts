// A known mistake: only the functions that are wrong; the others come from solution.ts.
// The textbook slope 0.01 hard-coded instead of the alpha argument.
export const hint =
  'leakyRelu: the slope for x <= 0 looks like a fixed 0.01. Use the alpha you are given (it changes from case to case) in both passes.';

export function leakyReluForward(x: NDArray, alpha: number) {
  void alpha;
  return { out: np.where(x.greater(0), x, x.multiply(0.01)), cache: { x, alpha: 0.01 } };
}
