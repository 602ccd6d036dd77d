// A known mistake: only the function that is wrong; the others come from solution.ts.
// One seed slide prints the derivative's limit as (f(x + h) - h) / h.
export const hint =
  'grad looks like (f(x + h e_i) - h) / h, a misprint of the limit definition: subtract f evaluated at a second point, not h.';

export function numericGradient(f: (x: NDArray) => number, x: NDArray, h: number) {
  const probe = x.copy();
  const flat = probe.ravel();
  const grad = np.zeros([...x.shape]);
  const gradFlat = grad.ravel();
  for (let i = 0; i < flat.size; i++) {
    const old = flat.at(i);
    flat.set(i, old + h);
    const fPlus = f(probe);
    flat.set(i, old);
    gradFlat.set(i, (fPlus - h) / h);
  }
  return { grad };
}
