// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'x comes back changed: each probed element is left at x_i - h, which also shifts the points where later elements are probed; put every element back after its two evaluations (or probe a copy).';

export function numericGradient(f: (x: NDArray) => number, x: NDArray, h: number) {
  const flat = x.ravel(); // a view of x itself: the probes write into the caller's array
  const grad = np.zeros([...x.shape]);
  const gradFlat = grad.ravel();
  for (let i = 0; i < flat.size; i++) {
    const old = flat.at(i);
    flat.set(i, old + h);
    const fPlus = f(x);
    flat.set(i, old - h);
    const fMinus = f(x);
    gradFlat.set(i, (fPlus - fMinus) / (2 * h));
  }
  return { grad };
}
