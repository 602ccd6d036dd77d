/**
 * The mean squared error with the course's 1/2. `np` is available as a global.
 * pred, target: (N, D). Returns { loss: number, dpred: (N, D) }.
 */
export function mseLoss(pred: NDArray, target: NDArray) {
  // TODO: loss = sum((pred - target)^2) / (2 N); dpred = (pred - target) / N
  void target;
  return { loss: 0, dpred: np.zerosLike(pred) };
}
