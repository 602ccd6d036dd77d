// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'the previous velocity enters with the wrong sign: the step is w - mu * v_prev + (1 + mu) * v.';

export function nesterov(
  w: NDArray,
  dw: NDArray,
  config: { learningRate?: number; momentum?: number; velocity?: NDArray } = {},
) {
  const learningRate = config.learningRate ?? 1e-2;
  const momentum = config.momentum ?? 0.9;
  const previous = config.velocity ?? np.zerosLike(w);
  const velocity = previous.multiply(momentum).subtract(dw.multiply(learningRate));
  const nextW = w.add(previous.multiply(momentum)).add(velocity.multiply(1 + momentum));
  return { nextW, config: { ...config, learningRate, momentum, velocity } };
}
