// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'adam uses t before incrementing it: on the first step 1 - beta^0 is 0. Increment t first, then correct m and v with the new t.';

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
  const t = c.t ?? 0;
  const m = (c.m ?? np.zerosLike(w)).multiply(beta1).add(dw.multiply(1 - beta1));
  const v = (c.v ?? np.zerosLike(w)).multiply(beta2).add(dw.square().multiply(1 - beta2));
  const mHat = m.divide(1 - beta1 ** t);
  const vHat = v.divide(1 - beta2 ** t);
  const nextW = w.subtract(mHat.multiply(learningRate).divide(vHat.sqrt().add(epsilon)));
  return { nextW, config: { ...c, learningRate, beta1, beta2, epsilon, m, v, t: t + 1 } };
}
