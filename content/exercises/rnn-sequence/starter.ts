/**
 * A vanilla RNN over T steps, h_t = tanh(x_t Wx + h_{t-1} Wh + b). `np` is available as a global.
 * x: (N, T, D), h0: (N, H), Wx: (D, H), Wh: (H, H), b: (H,). h: (N, T, H).
 */
export function rnnForward(x: NDArray, h0: NDArray, Wx: NDArray, Wh: NDArray, b: NDArray) {
  // TODO: run the T steps, keeping every hidden state; x.slice(':', t) is step t, np.stack(list, { axis: 1 })
  void Wx;
  void Wh;
  void b;
  const [n = 0, steps = 0] = x.shape;
  return { h: np.zeros([n, steps, h0.shape[1] ?? 0]), cache: { x, h0 } };
}

export function rnnBackward(dh: NDArray, cache: { x: NDArray; h0: NDArray }) {
  // TODO: from the last step back to the first, adding the gradient carried from step t+1
  void dh;
  const { x, h0 } = cache;
  const hidden = h0.shape[1] ?? 0;
  return {
    dx: np.zerosLike(x),
    dh0: np.zerosLike(h0),
    dWx: np.zeros([x.shape[2] ?? 0, hidden]),
    dWh: np.zeros([hidden, hidden]),
    db: np.zeros([hidden]),
  };
}
