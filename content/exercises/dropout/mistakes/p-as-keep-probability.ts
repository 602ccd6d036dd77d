// A known mistake: only the functions that are wrong; the others come from solution.ts.
// p read as the probability of keeping a unit (the CS231n assignment's convention).
export const hint =
  'the wrong units are kept: p is the probability of DROPPING a unit here, so a unit is kept where u >= p (not u < p) and scaled by 1/(1 - p).';

interface DropoutParam {
  p: number;
  mode: 'train' | 'test';
  u: NDArray;
}

export function dropoutForward(x: NDArray, dropoutParam: DropoutParam) {
  const { p, mode, u } = dropoutParam;
  if (mode === 'test') return { out: x.copy(), cache: { mode, mask: null } };
  const mask = np.where(u.less(p), 1 / p, 0);
  return { out: x.multiply(mask), cache: { mode, mask } };
}
