/**
 * The relative error used everywhere in gradlab (engine gradient checks, the grader's output
 * comparison and gradient self-check, the lectures' worked examples):
 * |a - b| / max(1e-8, |a| + |b|). Equal values (infinities included) have error 0.
 */
export function relativeError(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(1e-8, Math.abs(a) + Math.abs(b));
}
