// Reference solution: server-only, never shipped to a browser.

interface DropoutParam {
  p: number;
  mode: 'train' | 'test';
  u: NDArray;
}

export function dropoutForward(x: NDArray, dropoutParam: DropoutParam) {
  const { p, mode, u } = dropoutParam;
  if (mode === 'test') return { out: x.copy(), cache: { mode, mask: null } };
  // inverted dropout: keep where u >= p, and scale what is kept by 1 / (1 - p)
  const mask = np.where(u.greaterEqual(p), 1 / (1 - p), 0);
  return { out: x.multiply(mask), cache: { mode, mask } };
}

export function dropoutBackward(dout: NDArray, cache: { mode: 'train' | 'test'; mask: NDArray | null }) {
  if (cache.mode === 'test' || cache.mask === null) return { dx: dout.copy() };
  return { dx: dout.multiply(cache.mask) };
}
