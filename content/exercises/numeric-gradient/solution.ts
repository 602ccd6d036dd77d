// Reference solution: server-only, never shipped to a browser.

/** Centred differences, one element at a time, on a copy of x (x itself is never touched). */
export function numericGradient(f: (x: NDArray) => number, x: NDArray, h: number) {
  const probe = x.copy();
  const flat = probe.ravel(); // a view of the contiguous copy: writing it writes probe
  const grad = np.zeros([...x.shape]);
  const gradFlat = grad.ravel();
  for (let i = 0; i < flat.size; i++) {
    const old = flat.at(i);
    flat.set(i, old + h);
    const fPlus = f(probe);
    flat.set(i, old - h);
    const fMinus = f(probe);
    flat.set(i, old); // restore before the next element is probed
    gradFlat.set(i, (fPlus - fMinus) / (2 * h));
  }
  return { grad };
}

/** The course's relative error: max over elements of |a - b| / max(1e-8, |a| + |b|). */
export function relativeError(a: NDArray, b: NDArray) {
  const diff = a.subtract(b).abs();
  const scale = np.maximum(a.abs().add(b.abs()), 1e-8);
  return { error: diff.divide(scale).max().item() };
}
