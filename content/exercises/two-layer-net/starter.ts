/**
 * The loss and gradients of a two-layer network: affine - ReLU - affine - softmax, with L2 on the
 * weights. `np` is available as a global.
 * x: (N, D); y: (N,) int32 class indices; params: { w1: (D, H), b1: (H,), w2: (H, C), b2: (C,) }.
 * Returns { loss: number, grads: { w1, b1, w2, b2 } }, each gradient shaped like its parameter.
 */
export function twoLayerNetLoss(
  x: NDArray,
  y: NDArray,
  params: { w1: NDArray; b1: NDArray; w2: NDArray; b2: NDArray },
  reg: number,
) {
  const { w1, b1, w2, b2 } = params;
  // TODO: forward: z = x w1 + b1, h = ReLU(z), scores = h w2 + b2.
  // TODO: loss = mean softmax cross-entropy of the scores + reg * (sum of w1^2 + sum of w2^2).
  // TODO: backward from dscores = (softmax - onehot(y)) / N through both layers, with the
  //       gradient of the penalty added to dw1 and dw2.
  void x;
  void y;
  void reg;
  const loss = 0;
  const grads = { w1: np.zerosLike(w1), b1: np.zerosLike(b1), w2: np.zerosLike(w2), b2: np.zerosLike(b2) };
  return { loss, grads };
}
