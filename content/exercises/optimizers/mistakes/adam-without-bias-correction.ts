// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'adam takes its first steps too small: m and v start at zero, so divide them by (1 - beta1^t) and (1 - beta2^t) before the step (bias correction).';

export function adam(w: NDArray, dw: NDArray, config: Record<string, never> = {}) {
  const c = config as {
    learningRate?: number;
    beta1?: number;
    beta2?: number;
    epsilon?: number;
    m?: NDArray;
    v?: NDArray;
    t?: number;
  };
  const learningRate = c.learningRate ?? 1e-3;
  const beta1 = c.beta1 ?? 0.9;
  const beta2 = c.beta2 ?? 0.999;
  const epsilon = c.epsilon ?? 1e-8;
  const t = (c.t ?? 0) + 1;
  const m = (c.m ?? np.zerosLike(w)).multiply(beta1).add(dw.multiply(1 - beta1));
  const v = (c.v ?? np.zerosLike(w)).multiply(beta2).add(dw.square().multiply(1 - beta2));
  const nextW = w.subtract(m.multiply(learningRate).divide(v.sqrt().add(epsilon)));
  return { nextW, config: { ...c, learningRate, beta1, beta2, epsilon, m, v, t } };
}
