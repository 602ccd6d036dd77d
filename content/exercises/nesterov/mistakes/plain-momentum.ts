// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'this is classical momentum (w + v): Nesterov moves to the look-ahead point, w - mu * v_prev + (1 + mu) * v.';

export function nesterov(
  w: NDArray,
  dw: NDArray,
  config: { learningRate?: number; momentum?: number; velocity?: NDArray } = {},
) {
  const learningRate = config.learningRate ?? 1e-2;
  const momentum = config.momentum ?? 0.9;
  const velocity = (config.velocity ?? np.zerosLike(w))
    .multiply(momentum)
    .subtract(dw.multiply(learningRate));
  return { nextW: w.add(velocity), config: { ...config, learningRate, momentum, velocity } };
}
