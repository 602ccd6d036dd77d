/**
 * One LSTM step. `np` is available as a global. x: (N, D), prevH and prevC: (N, H),
 * Wx: (D, 4H), Wh: (H, 4H), b: (4H,). Gates [i, f, o, g] in that order along the 4H axis.
 */
export function lstmStepForward(
  x: NDArray,
  prevH: NDArray,
  prevC: NDArray,
  Wx: NDArray,
  Wh: NDArray,
  b: NDArray,
) {
  // TODO: a = x Wx + prevH Wh + b; i, f, o = sigmoid, g = tanh of the four slices;
  // nextC = f * prevC + i * g; nextH = o * tanh(nextC)
  void x;
  void Wx;
  void Wh;
  void b;
  return { nextH: np.zerosLike(prevH), nextC: prevC.copy(), cache: { x, prevH, prevC } };
}

export function lstmStepBackward(
  dnextH: NDArray,
  dnextC: NDArray,
  cache: { x: NDArray; prevH: NDArray; prevC: NDArray },
) {
  // TODO: back through nextH and nextC to the four gates, then to x, prevH, prevC, Wx, Wh, b
  void dnextH;
  void dnextC;
  const { x, prevH, prevC } = cache;
  const four = 4 * (prevH.shape[1] ?? 0);
  return {
    dx: np.zerosLike(x),
    dprevH: np.zerosLike(prevH),
    dprevC: np.zerosLike(prevC),
    dWx: np.zeros([x.shape[1] ?? 0, four]),
    dWh: np.zeros([prevH.shape[1] ?? 0, four]),
    db: np.zeros([four]),
  };
}
