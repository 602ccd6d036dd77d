// Reference solution: server-only, never shipped to a browser.

interface RnnCache {
  x: NDArray;
  prevH: NDArray;
  Wx: NDArray;
  Wh: NDArray;
  nextH: NDArray;
}

export function rnnStepForward(x: NDArray, prevH: NDArray, Wx: NDArray, Wh: NDArray, b: NDArray) {
  const nextH = x.matmul(Wx).add(prevH.matmul(Wh)).add(b).tanh();
  const cache: RnnCache = { x, prevH, Wx, Wh, nextH };
  return { nextH, cache };
}

export function rnnStepBackward(dnextH: NDArray, cache: RnnCache) {
  const { x, prevH, Wx, Wh, nextH } = cache;
  // tanh'(a) = 1 - tanh(a)^2, written with the output nextH = tanh(a)
  const da = dnextH.multiply(np.subtract(1, nextH.square()));
  return {
    dx: da.matmul(Wx.T),
    dprevH: da.matmul(Wh.T),
    dWx: x.T.matmul(da),
    dWh: prevH.T.matmul(da),
    db: da.sum({ axis: 0 }),
  };
}
