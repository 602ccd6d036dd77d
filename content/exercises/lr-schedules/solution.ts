// Reference solution: server-only, never shipped to a browser.

/** lr0 * factor^floor(t / dropEvery): the first drop happens at t = dropEvery. */
export function stepDecay(lr0: number, t: number, config: { dropEvery: number; factor: number }) {
  const drops = Math.floor(t / config.dropEvery);
  return { lr: lr0 * config.factor ** drops };
}

/** lr0 * exp(-k t). */
export function exponentialDecay(lr0: number, t: number, config: { k: number }) {
  return { lr: lr0 * Math.exp(-config.k * t) };
}

/** Half a cosine from lr0 (t = 0) down to lrMin (t = T), then lrMin. */
export function cosineDecay(lr0: number, t: number, config: { T: number; lrMin: number }) {
  const { T, lrMin } = config;
  const progress = Math.min(t, T) / T;
  return { lr: lrMin + 0.5 * (lr0 - lrMin) * (1 + Math.cos(Math.PI * progress)) };
}

/** lr0 * (t + 1) / warmupSteps during the first warmupSteps steps, then lr0. */
export function linearWarmup(lr0: number, t: number, config: { warmupSteps: number }) {
  return { lr: lr0 * Math.min(1, (t + 1) / config.warmupSteps) };
}
