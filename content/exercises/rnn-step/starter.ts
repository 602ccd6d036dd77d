/**
 * One time step of a vanilla RNN. `np` is available as a global (NumPy's API in camelCase).
 * x: (N, D), prevH: (N, H), Wx: (D, H), Wh: (H, H), b: (H,).
 */
interface RnnCache {
  x: NDArray;
  prevH: NDArray;
  Wx: NDArray;
  Wh: NDArray;
  b: NDArray;
}

/** Returns nextH = tanh(x Wx + prevH Wh + b), shape (N, H), and a cache for the backward pass. */
export function rnnStepForward(x: NDArray, prevH: NDArray, Wx: NDArray, Wh: NDArray, b: NDArray) {
  // TODO: the pre-activation x @ Wx + prevH @ Wh + b, then tanh.
  const nextH = np.zerosLike(prevH);
  const cache: RnnCache = { x, prevH, Wx, Wh, b };
  return { nextH, cache };
}

/** dnextH: (N, H). Returns the gradients of x, prevH, Wx, Wh and b, each shaped like its input. */
export function rnnStepBackward(dnextH: NDArray, cache: RnnCache) {
  const { x, prevH, Wx, Wh, b } = cache;
  // TODO: go back through tanh first, then through the two matrix products and the bias.
  void dnextH;
  return {
    dx: np.zerosLike(x),
    dprevH: np.zerosLike(prevH),
    dWx: np.zerosLike(Wx),
    dWh: np.zerosLike(Wh),
    db: np.zerosLike(b),
  };
}
