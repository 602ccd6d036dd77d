/**
 * Per-pixel softmax cross-entropy. `np` is available as a global.
 * scores: (N, C, H, W); y: (N, H, W) int32 class of each pixel. Returns { loss: number, dscores }.
 */
export function segmentationLoss(scores: NDArray, y: NDArray) {
  // TODO: a softmax over the C scores of every pixel, the loss averaged over the N*H*W pixels
  void y;
  return { loss: 0, dscores: np.zerosLike(scores) };
}
