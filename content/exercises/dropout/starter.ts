/**
 * Inverted dropout. `np` is available as a global (NumPy's API in camelCase).
 * x: any shape. dropoutParam: { p, mode, u } with p the probability of DROPPING a unit,
 * mode 'train' or 'test', and u an array shaped like x of uniform samples in [0, 1).
 */
interface DropoutParam {
  p: number;
  mode: 'train' | 'test';
  u: NDArray;
}

export function dropoutForward(x: NDArray, dropoutParam: DropoutParam) {
  const { p, mode, u } = dropoutParam;
  // TODO train: keep a unit where u >= p, zero it elsewhere, and divide what is kept by (1 - p).
  // TODO test: the layer does nothing.
  const out = np.zerosLike(x);
  const cache = { p, mode, u };
  return { out, cache };
}

/** dout: shaped like x. Returns dx shaped like x. */
export function dropoutBackward(dout: NDArray, cache: { p: number; mode: 'train' | 'test'; u: NDArray }) {
  // TODO: the same mask and the same 1 / (1 - p) as the forward pass in train mode; dout in test mode.
  const dx = np.zerosLike(dout);
  void cache;
  return { dx };
}
