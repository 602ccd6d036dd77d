// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'rmsprop adds epsilon inside the square root: when the gradients are very small, sqrt(cache + eps) is far larger than sqrt(cache) + eps. Add it after the root.';

export function rmsprop(w: NDArray, dw: NDArray, config: Record<string, never> = {}) {
  const c = config as { learningRate?: number; decayRate?: number; epsilon?: number; cache?: NDArray };
  const learningRate = c.learningRate ?? 1e-2;
  const decayRate = c.decayRate ?? 0.99;
  const epsilon = c.epsilon ?? 1e-8;
  const cache = (c.cache ?? np.zerosLike(w)).multiply(decayRate).add(dw.square().multiply(1 - decayRate));
  const nextW = w.subtract(dw.multiply(learningRate).divide(cache.add(epsilon).sqrt()));
  return { nextW, config: { ...c, learningRate, decayRate, epsilon, cache } };
}
