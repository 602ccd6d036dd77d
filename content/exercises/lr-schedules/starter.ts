/**
 * Learning-rate schedules. Each function takes the base rate lr0, the step t (an integer >= 0)
 * and its settings, and returns { lr } with lr a JavaScript number.
 */
export function stepDecay(lr0: number, t: number, config: { dropEvery: number; factor: number }) {
  // TODO: multiply lr0 by config.factor once for every full config.dropEvery steps.
  void t;
  void config;
  return { lr: lr0 };
}

export function exponentialDecay(lr0: number, t: number, config: { k: number }) {
  // TODO: lr0 * exp(-k t).
  void t;
  void config;
  return { lr: lr0 };
}

export function cosineDecay(lr0: number, t: number, config: { T: number; lrMin: number }) {
  // TODO: from lr0 at t = 0 down to config.lrMin at t = config.T along half a cosine; lrMin after T.
  void t;
  void config;
  return { lr: lr0 };
}

export function linearWarmup(lr0: number, t: number, config: { warmupSteps: number }) {
  // TODO: lr0 * (t + 1) / warmupSteps for the first warmupSteps steps, then lr0.
  void t;
  void config;
  return { lr: lr0 };
}
