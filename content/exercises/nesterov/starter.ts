/**
 * Nesterov momentum: (w, dw, config) -> { nextW, config }. `np` is a global.
 */
export function nesterov(
  w: NDArray,
  dw: NDArray,
  config: { learningRate?: number; momentum?: number; velocity?: NDArray } = {},
) {
  // TODO: v_prev = velocity (zeros when missing); v = mu v - lr dw; w - mu v_prev + (1 + mu) v
  void dw;
  return { nextW: w.copy(), config };
}
