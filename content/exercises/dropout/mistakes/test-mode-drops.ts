// A known mistake: only the functions that are wrong; the others come from solution.ts.
// The mode is ignored: units are dropped at test time too.
export const hint =
  'in test mode units are still dropped: dropout is a training-time regularizer, at test time the layer returns x unchanged (and dx = dout).';

interface DropoutParam {
  p: number;
  mode: 'train' | 'test';
  u: NDArray;
}

export function dropoutForward(x: NDArray, dropoutParam: DropoutParam) {
  const { p, u } = dropoutParam;
  const mask = np.where(u.greaterEqual(p), 1 / (1 - p), 0);
  return { out: x.multiply(mask), cache: { mode: 'train' as const, mask } };
}
