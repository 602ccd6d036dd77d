// A known mistake: only the functions that are wrong; the others come from solution.ts.
export const hint =
  'a unit whose sample u equals p exactly is dropped: the rule is keep where u >= p, so that the keep probability is exactly 1 - p.';

interface DropoutParam {
  p: number;
  mode: 'train' | 'test';
  u: NDArray;
}

export function dropoutForward(x: NDArray, dropoutParam: DropoutParam) {
  const { p, mode, u } = dropoutParam;
  if (mode === 'test') return { out: x.copy(), cache: { mode, mask: null } };
  const mask = np.where(u.greater(p), 1 / (1 - p), 0);
  return { out: x.multiply(mask), cache: { mode, mask } };
}
