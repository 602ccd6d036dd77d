// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'grad is twice the right value: x + h e_i and x - h e_i are 2h apart, so the difference of f is divided by 2h, not h.';

export function numericGradient(f: (x: NDArray) => number, x: NDArray, h: number) {
  const probe = x.copy();
  const flat = probe.ravel();
  const grad = np.zeros([...x.shape]);
  const gradFlat = grad.ravel();
  for (let i = 0; i < flat.size; i++) {
    const old = flat.at(i);
    flat.set(i, old + h);
    const fPlus = f(probe);
    flat.set(i, old - h);
    const fMinus = f(probe);
    flat.set(i, old);
    gradFlat.set(i, (fPlus - fMinus) / h);
  }
  return { grad };
}
