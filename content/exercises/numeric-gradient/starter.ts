/**
 * Numeric gradients and the relative error. `np` is available as a global.
 * f: a function of an array shaped like x, returning a number; h: the step.
 */
export function numericGradient(f: (x: NDArray) => number, x: NDArray, h: number) {
  // TODO: for every element i, grad[i] = (f(x + h e_i) - f(x - h e_i)) / (2h).
  // Probe a copy of x (or put each element back after its two evaluations).
  void f;
  void h;
  const grad = np.zerosLike(x);
  return { grad };
}

/** a, b: arrays of the same shape. Returns a number. */
export function relativeError(a: NDArray, b: NDArray) {
  // TODO: the largest |a - b| / max(1e-8, |a| + |b|) over the elements.
  const error = a.subtract(b).abs().max().item();
  return { error };
}
