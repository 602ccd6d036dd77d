import { get, type Mat, map, matmul, randn, sigmoid } from './examples/_math.ts';

export interface Activation {
  name: string;
  f: (x: number) => number;
  df: (x: number) => number;
}

const alpha = 0.01;

/** The activations of the lecture with their derivatives; every kink takes the left derivative at 0. */
export const activations: Record<string, Activation> = {
  sigmoid: { name: 'sigmoid', f: sigmoid, df: (x) => sigmoid(x) * (1 - sigmoid(x)) },
  tanh: { name: 'tanh', f: Math.tanh, df: (x) => 1 - Math.tanh(x) ** 2 },
  relu: { name: 'ReLU', f: (x) => Math.max(0, x), df: (x) => (x > 0 ? 1 : 0) },
  leaky: { name: 'leaky ReLU (0.01)', f: (x) => (x > 0 ? x : alpha * x), df: (x) => (x > 0 ? 1 : alpha) },
  elu: { name: 'ELU (1)', f: (x) => (x > 0 ? x : Math.exp(x) - 1), df: (x) => (x > 0 ? 1 : Math.exp(x)) },
  softplus: { name: 'softplus', f: (x) => Math.log1p(Math.exp(x)), df: sigmoid },
};

export const points = [-3, -1, 0, 0.5, 2];

export const table = Object.values(activations).map((a) => ({
  name: a.name,
  values: points.map(a.f),
  derivatives: points.map(a.df),
}));

/** The sigmoid's largest slope, and what ten of them multiply to. */
export const vanishing = (() => {
  const maxSlope = get(activations.sigmoid ? [activations.sigmoid.df(0)] : [0.25], 0);
  return {
    maxSlope,
    layers: 10,
    product: maxSlope ** 10,
    saturated: activations.sigmoid?.df(5) ?? 0,
    tanhSlope: activations.tanh?.df(0) ?? 1,
  };
})();

/** A maxout unit with two linear pieces on a scalar input. */
export const maxout = (() => {
  const w = [1, -0.5];
  const b = [0, 1];
  const xs = [-2, 0, 1, 3];
  const out = xs.map((x) => Math.max(get(w, 0) * x + get(b, 0), get(w, 1) * x + get(b, 1)));
  const winner = xs.map((x) => (get(w, 0) * x + get(b, 0) >= get(w, 1) * x + get(b, 1) ? 1 : 2));
  return { w, b, xs, out, winner };
})();

/** Initialization scales for a fully connected and a convolutional layer. */
export const scales = (() => {
  const fanIn = 512;
  const fanOut = 256;
  const convFanIn = 64 * 3 * 3;
  return {
    fanIn,
    fanOut,
    xavierStd: Math.sqrt(2 / (fanIn + fanOut)),
    xavierBound: Math.sqrt(6 / (fanIn + fanOut)),
    lecunStd: Math.sqrt(1 / fanIn),
    kaimingStd: Math.sqrt(2 / fanIn),
    convFanIn,
    convKaimingStd: Math.sqrt(2 / convFanIn),
  };
})();

function std(m: Mat): number {
  const xs = m.flat();
  const mu = xs.reduce((s, v) => s + v, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, v) => s + (v - mu) ** 2, 0) / xs.length);
}

/**
 * Activations through ten layers of width 128 for a batch of 100 unit-Gaussian inputs, with
 * weights drawn as N(0, scale^2).
 */
export function propagate(
  act: (x: number) => number,
  scale: number,
  layers = 10,
  width = 128,
  seed = 1,
): number[] {
  let h = randn(100, width, seed);
  const stds: number[] = [];
  for (let l = 0; l < layers; l++) {
    const W = map(randn(width, width, seed + 100 + l), (v) => v * scale);
    h = map(matmul(h, W), act);
    stds.push(std(h));
  }
  return stds;
}

export const deepStats = (() => {
  const width = 128;
  const relu = (x: number) => Math.max(0, x);
  const runs = {
    tanhSmall: propagate(Math.tanh, 0.01),
    tanhXavier: propagate(Math.tanh, Math.sqrt(1 / width)),
    reluXavier: propagate(relu, Math.sqrt(1 / width)),
    reluKaiming: propagate(relu, Math.sqrt(2 / width)),
  };
  const layers = Array.from({ length: 10 }, (_, l) => l + 1);
  return {
    width,
    ...runs,
    rows: layers.map((l) => [
      l,
      get(runs.tanhSmall, l - 1),
      get(runs.tanhXavier, l - 1),
      get(runs.reluXavier, l - 1),
      get(runs.reluKaiming, l - 1),
    ]),
  };
})();

/** Check-yourself numbers. */
export const quiz = { fanIn: 1024, kaimingStd: Math.sqrt(2 / 1024) };
