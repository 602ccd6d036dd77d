// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'relativeError is NaN or too large where |a| + |b| is tiny: the denominator is max(1e-8, |a| + |b|), so two zeros give 0, not 0/0.';

export function relativeError(a: NDArray, b: NDArray) {
  const diff = a.subtract(b).abs();
  return { error: diff.divide(a.abs().add(b.abs())).max().item() };
}
