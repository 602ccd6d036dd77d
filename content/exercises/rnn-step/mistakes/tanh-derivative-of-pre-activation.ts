// A known mistake: only the functions that are wrong; the others come from solution.ts.
export const hint =
  "The gradients use 1 - a^2 with a the pre-activation (tanh's input): tanh'(a) = 1 - tanh(a)^2, that is 1 - nextH^2 with the step's output.";

interface RnnCache {
  x: NDArray;
  prevH: NDArray;
  Wx: NDArray;
  Wh: NDArray;
  a: NDArray;
}

export function rnnStepForward(x: NDArray, prevH: NDArray, Wx: NDArray, Wh: NDArray, b: NDArray) {
  const a = x.matmul(Wx).add(prevH.matmul(Wh)).add(b);
  const cache: RnnCache = { x, prevH, Wx, Wh, a };
  return { nextH: a.tanh(), cache };
}

export function rnnStepBackward(dnextH: NDArray, cache: RnnCache) {
  const { x, prevH, Wx, Wh, a } = cache;
  const da = dnextH.multiply(np.subtract(1, a.square()));
  return {
    dx: da.matmul(Wx.T),
    dprevH: da.matmul(Wh.T),
    dWx: x.T.matmul(da),
    dWh: prevH.T.matmul(da),
    db: da.sum({ axis: 0 }),
  };
}
