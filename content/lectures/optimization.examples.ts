import { get, mapVec, type Vec } from './examples/_math.ts';

/** An optimizer as a pure step: parameters, gradient, state -> new parameters and state. */
export interface OptState {
  t: number;
  v: Vec;
  m: Vec;
  s: Vec;
}

export type Optimizer = 'gd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam';

export interface OptConfig {
  lr: number;
  rho: number; // momentum
  decay: number; // RMSProp
  beta1: number;
  beta2: number;
  eps: number;
}

export const defaults: OptConfig = { lr: 0.1, rho: 0.9, decay: 0.99, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

export function initState(n: number): OptState {
  const z = () => new Array<number>(n).fill(0);
  return { t: 0, v: z(), m: z(), s: z() };
}

/** One update of `x` by the named rule; `grad` is evaluated where the rule needs it. */
export function step(
  kind: Optimizer,
  x: Vec,
  grad: (x: Vec) => Vec,
  st: OptState,
  c: OptConfig,
): { x: Vec; st: OptState } {
  const t = st.t + 1;
  switch (kind) {
    case 'gd': {
      const g = grad(x);
      return { x: mapVec(x, (xi, i) => xi - c.lr * get(g, i)), st: { ...st, t } };
    }
    case 'momentum': {
      const g = grad(x);
      const v = mapVec(st.v, (vi, i) => c.rho * vi - c.lr * get(g, i));
      return { x: mapVec(x, (xi, i) => xi + get(v, i)), st: { ...st, t, v } };
    }
    case 'nesterov': {
      const ahead = mapVec(x, (xi, i) => xi + c.rho * get(st.v, i));
      const g = grad(ahead);
      const v = mapVec(st.v, (vi, i) => c.rho * vi - c.lr * get(g, i));
      return { x: mapVec(x, (xi, i) => xi + get(v, i)), st: { ...st, t, v } };
    }
    case 'adagrad': {
      const g = grad(x);
      const s = mapVec(st.s, (si, i) => si + get(g, i) ** 2);
      return {
        x: mapVec(x, (xi, i) => xi - (c.lr * get(g, i)) / (Math.sqrt(get(s, i)) + c.eps)),
        st: { ...st, t, s },
      };
    }
    case 'rmsprop': {
      const g = grad(x);
      const s = mapVec(st.s, (si, i) => c.decay * si + (1 - c.decay) * get(g, i) ** 2);
      return {
        x: mapVec(x, (xi, i) => xi - (c.lr * get(g, i)) / (Math.sqrt(get(s, i)) + c.eps)),
        st: { ...st, t, s },
      };
    }
    case 'adam': {
      const g = grad(x);
      const m = mapVec(st.m, (mi, i) => c.beta1 * mi + (1 - c.beta1) * get(g, i));
      const s = mapVec(st.s, (si, i) => c.beta2 * si + (1 - c.beta2) * get(g, i) ** 2);
      const mHat = m.map((mi) => mi / (1 - c.beta1 ** t));
      const sHat = s.map((si) => si / (1 - c.beta2 ** t));
      return {
        x: mapVec(x, (xi, i) => xi - (c.lr * get(mHat, i)) / (Math.sqrt(get(sHat, i)) + c.eps)),
        st: { ...st, t, m, s },
      };
    }
  }
}

export function run(kind: Optimizer, x0: Vec, grad: (x: Vec) => Vec, steps: number, c: OptConfig): Vec[] {
  const path = [x0];
  let x = x0;
  let st = initState(x0.length);
  for (let k = 0; k < steps; k++) {
    ({ x, st } = step(kind, x, grad, st, c));
    path.push(x);
  }
  return path;
}

/** The ill-conditioned quadratic f(x, y) = (a x^2 + b y^2) / 2. */
export const quadratic = (() => {
  const a = 1;
  const b = 10;
  const f = (p: Vec) => 0.5 * (a * get(p, 0) ** 2 + b * get(p, 1) ** 2);
  const grad = (p: Vec) => [a * get(p, 0), b * get(p, 1)];
  const x0 = [4, 1];
  const lr = 0.15;
  const kappa = b / a;
  const maxLr = 2 / Math.max(a, b);
  const bestLr = 2 / (a + b);
  const rate = (kappa - 1) / (kappa + 1);
  const gd = run('gd', x0, grad, 3, { ...defaults, lr });
  const momentum = run('momentum', x0, grad, 3, { ...defaults, lr: 0.05, rho: 0.9 });
  const factors = [1 - lr * a, 1 - lr * b];
  const fifty = {
    gd: f(run('gd', x0, grad, 50, { ...defaults, lr: bestLr }).at(-1) ?? x0),
    momentum: f(run('momentum', x0, grad, 50, { ...defaults, lr: 0.05, rho: 0.8 }).at(-1) ?? x0),
    adam: f(run('adam', x0, grad, 50, { ...defaults, lr: 0.3 }).at(-1) ?? x0),
  };
  return { a, b, x0, lr, kappa, maxLr, bestLr, rate, gd, momentum, factors, f, grad, fifty, f0: f(x0) };
})();

/** Adam's first step with and without bias correction. */
export const adamFirstStep = (() => {
  const g = 0.5;
  const { beta1, beta2, eps } = defaults;
  const m1 = (1 - beta1) * g;
  const v1 = (1 - beta2) * g * g;
  const mHat = m1 / (1 - beta1);
  const vHat = v1 / (1 - beta2);
  return {
    g,
    beta1,
    beta2,
    m1,
    v1,
    mHat,
    vHat,
    corrected: mHat / (Math.sqrt(vHat) + eps),
    uncorrected: m1 / (Math.sqrt(v1) + eps),
  };
})();

/** Newton's method on a smooth 1-D function, next to gradient descent. */
export const newton = (() => {
  const f = (w: number) => w * w + Math.exp(w);
  const df = (w: number) => 2 * w + Math.exp(w);
  const d2f = (w: number) => 2 + Math.exp(w);
  const iterates: number[] = [1];
  for (let k = 0; k < 5; k++) {
    const w = iterates.at(-1) ?? 1;
    iterates.push(w - df(w) / d2f(w));
  }
  const gd: number[] = [1];
  for (let k = 0; k < 5; k++) {
    const w = gd.at(-1) ?? 1;
    gd.push(w - 0.1 * df(w));
  }
  return { f, df, d2f, iterates, gd, grads: iterates.map(df), gdGrads: gd.map(df) };
})();

/** Learning-rate schedules evaluated at a few steps. */
export const schedules = (() => {
  const base = 0.1;
  const total = 100;
  const warmup = 10;
  const steps = [0, 5, 10, 25, 50, 75, 99];
  const stepDecay = (t: number) => base * 0.1 ** Math.floor(t / 40);
  const exponential = (t: number) => base * 0.97 ** t;
  const cosine = (t: number) => 0.5 * base * (1 + Math.cos((Math.PI * t) / total));
  const warmupCosine = (t: number) =>
    t < warmup ? (base * (t + 1)) / warmup : cosine(((t - warmup) * total) / (total - warmup));
  return {
    base,
    total,
    warmup,
    steps,
    rows: steps.map((t) => [t, stepDecay(t), exponential(t), cosine(t), warmupCosine(t)]),
  };
})();

/** Minibatch bookkeeping. */
export const minibatch = (() => {
  const n = 50000;
  const batch = 128;
  const perEpoch = Math.ceil(n / batch);
  return { n, batch, perEpoch, epochs: 20, total: 20 * perEpoch, lastBatch: n - (perEpoch - 1) * batch };
})();

/** The saddle f = x^2 - y^2: zero gradient at the origin, Hessian eigenvalues of both signs. */
export const saddle = (() => {
  const grad = (p: Vec) => [2 * get(p, 0), -2 * get(p, 1)];
  const x0 = [1, 1e-3];
  const gd = run('gd', x0, grad, 10, { ...defaults, lr: 0.1 });
  return { eig: [2, -2], x0, gd, end: gd.at(-1) ?? x0 };
})();

/** Check-yourself numbers: GD on (x^2 + 100 y^2) / 2. */
export const quiz = (() => {
  const steep = 100;
  const maxLr = 2 / steep;
  return { steep, maxLr, slowFactor: 1 - maxLr * 1, kappa: steep / 1 };
})();
