// Reference solution: server-only, never shipped to a browser.

interface Config {
  learningRate?: number;
  momentum?: number;
  velocity?: NDArray;
  decayRate?: number;
  epsilon?: number;
  cache?: NDArray;
  beta1?: number;
  beta2?: number;
  m?: NDArray;
  v?: NDArray;
  t?: number;
}

export function sgd(w: NDArray, dw: NDArray, config: Config = {}) {
  const learningRate = config.learningRate ?? 1e-2;
  return { nextW: w.subtract(dw.multiply(learningRate)), config: { ...config, learningRate } };
}

export function sgdMomentum(w: NDArray, dw: NDArray, config: Config = {}) {
  const learningRate = config.learningRate ?? 1e-2;
  const momentum = config.momentum ?? 0.9;
  const velocity = (config.velocity ?? np.zerosLike(w))
    .multiply(momentum)
    .subtract(dw.multiply(learningRate));
  return { nextW: w.add(velocity), config: { ...config, learningRate, momentum, velocity } };
}

export function rmsprop(w: NDArray, dw: NDArray, config: Config = {}) {
  const learningRate = config.learningRate ?? 1e-2;
  const decayRate = config.decayRate ?? 0.99;
  const epsilon = config.epsilon ?? 1e-8;
  const cache = (config.cache ?? np.zerosLike(w))
    .multiply(decayRate)
    .add(dw.square().multiply(1 - decayRate));
  const nextW = w.subtract(dw.multiply(learningRate).divide(cache.sqrt().add(epsilon)));
  return { nextW, config: { ...config, learningRate, decayRate, epsilon, cache } };
}

export function adam(w: NDArray, dw: NDArray, config: Config = {}) {
  const learningRate = config.learningRate ?? 1e-3;
  const beta1 = config.beta1 ?? 0.9;
  const beta2 = config.beta2 ?? 0.999;
  const epsilon = config.epsilon ?? 1e-8;
  const t = (config.t ?? 0) + 1;
  const m = (config.m ?? np.zerosLike(w)).multiply(beta1).add(dw.multiply(1 - beta1));
  const v = (config.v ?? np.zerosLike(w)).multiply(beta2).add(dw.square().multiply(1 - beta2));
  const mHat = m.divide(1 - beta1 ** t);
  const vHat = v.divide(1 - beta2 ** t);
  const nextW = w.subtract(mHat.multiply(learningRate).divide(vHat.sqrt().add(epsilon)));
  return { nextW, config: { ...config, learningRate, beta1, beta2, epsilon, m, v, t } };
}
