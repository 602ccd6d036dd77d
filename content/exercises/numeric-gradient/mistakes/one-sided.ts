// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'grad is off by an amount that grows with h: (f(x + h e_i) - f(x)) / h is one-sided, with an O(h) error; evaluate f on both sides, at x + h e_i and x - h e_i.';

export function numericGradient(f: (x: NDArray) => number, x: NDArray, h: number) {
  const probe = x.copy();
  const flat = probe.ravel();
  const grad = np.zeros([...x.shape]);
  const gradFlat = grad.ravel();
  const f0 = f(probe);
  for (let i = 0; i < flat.size; i++) {
    const old = flat.at(i);
    flat.set(i, old + h);
    const fPlus = f(probe);
    flat.set(i, old);
    gradFlat.set(i, (fPlus - f0) / h);
  }
  return { grad };
}
