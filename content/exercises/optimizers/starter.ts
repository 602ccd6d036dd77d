/**
 * Four update rules, each (w, dw, config) -> { nextW, config }. `np` is a global.
 * The returned config is passed to the next step: keep your state (velocity, cache, m, v, t) in it.
 */
type Config = Record<string, unknown>;

export function sgd(w: NDArray, dw: NDArray, config: Config = {}) {
  // TODO: w - learningRate * dw (learningRate defaults to 1e-2)
  void dw;
  return { nextW: w.copy(), config };
}

export function sgdMomentum(w: NDArray, dw: NDArray, config: Config = {}) {
  // TODO: v = momentum * v - learningRate * dw; nextW = w + v (velocity starts at zeros)
  void dw;
  return { nextW: w.copy(), config };
}

export function rmsprop(w: NDArray, dw: NDArray, config: Config = {}) {
  // TODO: cache = decayRate * cache + (1 - decayRate) * dw^2; w - lr * dw / (sqrt(cache) + epsilon)
  void dw;
  return { nextW: w.copy(), config };
}

export function adam(w: NDArray, dw: NDArray, config: Config = {}) {
  // TODO: t += 1, then m, v, their bias corrections, and the step
  void dw;
  return { nextW: w.copy(), config };
}
