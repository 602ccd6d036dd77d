// A known mistake: only the functions that are wrong; the others come from solution.ts.
// Dropout without the inverted scaling: kept units keep their value in training.
export const hint =
  'out (and dx) look like x * mask without the factor 1/(1 - p): inverted dropout scales the kept units up in training, so that test mode can do nothing.';

interface DropoutParam {
  p: number;
  mode: 'train' | 'test';
  u: NDArray;
}

export function dropoutForward(x: NDArray, dropoutParam: DropoutParam) {
  const { p, mode, u } = dropoutParam;
  if (mode === 'test') return { out: x.copy(), cache: { mode, mask: null } };
  const mask = np.where(u.greaterEqual(p), 1, 0);
  return { out: x.multiply(mask), cache: { mode, mask } };
}
