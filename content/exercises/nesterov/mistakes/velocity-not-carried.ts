// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'the velocity starts from zero at every step: read config.velocity (zeros only when missing) and return the new one in config.';

export function nesterov(
  w: NDArray,
  dw: NDArray,
  config: { learningRate?: number; momentum?: number; velocity?: NDArray } = {},
) {
  const learningRate = config.learningRate ?? 1e-2;
  const momentum = config.momentum ?? 0.9;
  const velocity = dw.multiply(-learningRate);
  const nextW = w.add(velocity.multiply(1 + momentum));
  return { nextW, config: { ...config, learningRate, momentum, velocity } };
}
