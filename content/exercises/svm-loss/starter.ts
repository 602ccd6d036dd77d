/**
 * The multiclass SVM (hinge) loss. `np` is available as a global (NumPy's API in camelCase).
 * scores: (N, C) float; y: (N,) int32 labels in [0, C).
 */
export function svmLoss(scores: NDArray, y: NDArray) {
  const n = scores.shape[0] ?? 0;
  // TODO: margins max(0, s_j - s_y + 1) for every j != y_i, summed per row, averaged over the batch.
  const loss = 0;
  // TODO: +1 for every active margin (> 0), minus the number of active margins at the true class,
  // everything divided by N.
  const dscores = np.zerosLike(scores);
  void y;
  void n;
  return { loss, dscores };
}
