// A known mistake: only the function that is wrong; the others come from solution.ts.
// The lecture's gradient-check slide divides by max(|a|, |b|); this exercise (and the grader)
// uses the sum, which the statement says explicitly.
export const hint =
  'relativeError is up to twice the expected value: this exercise divides by |a| + |b| (floored at 1e-8), not by max(|a|, |b|).';

export function relativeError(a: NDArray, b: NDArray) {
  const diff = a.subtract(b).abs();
  const scale = np.maximum(np.maximum(a.abs(), b.abs()), 1e-8);
  return { error: diff.divide(scale).max().item() };
}
