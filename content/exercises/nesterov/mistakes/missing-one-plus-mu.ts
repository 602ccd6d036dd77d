// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint = 'the new velocity is added once: the look-ahead step adds (1 + mu) times it.';

export function nesterov(
  w: NDArray,
  dw: NDArray,
  config: { learningRate?: number; momentum?: number; velocity?: NDArray } = {},
) {
  const learningRate = config.learningRate ?? 1e-2;
  const momentum = config.momentum ?? 0.9;
  const previous = config.velocity ?? np.zerosLike(w);
  const velocity = previous.multiply(momentum).subtract(dw.multiply(learningRate));
  const nextW = w.subtract(previous.multiply(momentum)).add(velocity);
  return { nextW, config: { ...config, learningRate, momentum, velocity } };
}
