// A known mistake: only the functions that are wrong; the others come from solution.ts.
// Mixes the two conventions: inverted dropout in training and the original (1 - p) at test time.
export const hint =
  "in test mode out is x scaled by (1 - p): that is the original dropout's test rule. With inverted dropout the scaling already happened in training, so the test-mode layer returns x unchanged (and dx = dout).";

interface DropoutParam {
  p: number;
  mode: 'train' | 'test';
  u: NDArray;
}

export function dropoutForward(x: NDArray, dropoutParam: DropoutParam) {
  const { p, mode, u } = dropoutParam;
  if (mode === 'test')
    return { out: x.multiply(1 - p), cache: { mode: 'train' as const, mask: np.fullLike(x, 1 - p) } };
  const mask = np.where(u.greaterEqual(p), 1 / (1 - p), 0);
  return { out: x.multiply(mask), cache: { mode, mask } };
}
