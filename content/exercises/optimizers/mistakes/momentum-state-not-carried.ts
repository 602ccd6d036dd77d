// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'sgdMomentum forgets its velocity between steps: read config.velocity (zeros only when it is missing) and return the new one in config.';

export function sgdMomentum(w: NDArray, dw: NDArray, config: Record<string, never> = {}) {
  const c = config as { learningRate?: number; momentum?: number };
  const learningRate = c.learningRate ?? 1e-2;
  const momentum = c.momentum ?? 0.9;
  const velocity = np.zerosLike(w).multiply(momentum).subtract(dw.multiply(learningRate));
  return { nextW: w.add(velocity), config: { ...c, learningRate, momentum, velocity } };
}
