import { get, type Mat, matmul, norm, sigmoid, transpose, type Vec, zeros, zip } from './examples/_math.ts';

/**
 * A vanilla RNN with rows as vectors, matching the course's X W convention:
 * h_t = tanh(x_t W_xh + h_{t-1} W_hh + b), y_t = h_t W_hy, L = sum_t (y_t - target_t)^2 / 2.
 */
export interface RnnParams {
  Wxh: Mat;
  Whh: Mat;
  b: Vec;
  Why: Mat;
}

export const rnnInput = {
  xs: [[1], [0.5], [-1]] as Mat,
  targets: [0.5, -0.5, 1],
  h0: [0, 0],
  params: {
    Wxh: [[0.5, -0.3]],
    Whh: [
      [0.8, -0.2],
      [0.4, 0.6],
    ],
    b: [0, 0.1],
    Why: [[1], [-1]],
  } as RnnParams,
};

export function rnnForward(p: RnnParams, xs: Mat, h0: Vec, targets: Vec) {
  const hs: Vec[] = [h0];
  const ys: number[] = [];
  let loss = 0;
  xs.forEach((x, t) => {
    const prev = hs[t] ?? h0;
    const a = zip(matmul([x], p.Wxh), matmul([prev], p.Whh), (u, v) => u + v)[0] ?? [];
    const h = a.map((v, j) => Math.tanh(v + get(p.b, j)));
    hs.push(h);
    const y = get(matmul([h], p.Why)[0] ?? [], 0);
    ys.push(y);
    loss += 0.5 * (y - get(targets, t)) ** 2;
  });
  return { hs, ys, loss };
}

/** Backpropagation through time: walk the sequence backwards, carrying dh from step t+1 to t. */
export function rnnBackward(p: RnnParams, xs: Mat, targets: Vec, hs: Vec[], ys: number[]) {
  let dWxh = zeros(p.Wxh.length, p.Wxh[0]?.length ?? 0);
  let dWhh = zeros(p.Whh.length, p.Whh[0]?.length ?? 0);
  let dWhy = zeros(p.Why.length, p.Why[0]?.length ?? 0);
  let db = p.b.map(() => 0);
  let dhNext = p.b.map(() => 0);
  const dhNorms: number[] = [];
  for (let t = xs.length - 1; t >= 0; t--) {
    const h = hs[t + 1] ?? [];
    const prev = hs[t] ?? [];
    const dy = get(ys, t) - get(targets, t);
    dWhy = zip(dWhy, matmul(transpose([h]), [[dy]]), (a, b) => a + b);
    const dh = zip([matmul([[dy]], transpose(p.Why))[0] ?? []], [dhNext], (a, b) => a + b)[0] ?? [];
    dhNorms.unshift(norm(dh));
    const da = dh.map((g, j) => g * (1 - get(h, j) ** 2)); // tanh' = 1 - h^2
    dWxh = zip(dWxh, matmul(transpose([xs[t] ?? []]), [da]), (a, b) => a + b);
    dWhh = zip(dWhh, matmul(transpose([prev]), [da]), (a, b) => a + b);
    db = db.map((v, j) => v + get(da, j));
    dhNext = matmul([da], transpose(p.Whh))[0] ?? [];
  }
  return { dWxh, dWhh, dWhy, db, dh0: dhNext, dhNorms };
}

export const rnn = (() => {
  const { xs, targets, h0, params } = rnnInput;
  const fwd = rnnForward(params, xs, h0, targets);
  return { ...rnnInput, ...fwd, ...rnnBackward(params, xs, targets, fwd.hs, fwd.ys) };
})();

/** How a gradient scales over T steps of a linear scalar recurrence h_t = w h_{t-1}. */
export const longRange = (() => {
  const steps = [1, 5, 10, 20, 50];
  return { steps, rows: steps.map((t) => [t, 0.5 ** t, 0.9 ** t, 1.1 ** t, 2 ** t]) };
})();

/** Clipping a gradient by its norm. */
export const clipping = (() => {
  const g = [3, -4, 12];
  const threshold = 5;
  const n = norm(g);
  const clipped = n > threshold ? g.map((v) => (v * threshold) / n) : g;
  const byValue = g.map((v) => Math.max(-threshold, Math.min(threshold, v)));
  return { g, threshold, norm: n, clipped, clippedNorm: norm(clipped), byValue };
})();

/** One LSTM step with scalar input and state. */
export function lstmStep(
  x: number,
  hPrev: number,
  cPrev: number,
  w: Record<'i' | 'f' | 'o' | 'g', [number, number, number]>,
) {
  const pre = (k: 'i' | 'f' | 'o' | 'g') => w[k][0] * x + w[k][1] * hPrev + w[k][2];
  const i = sigmoid(pre('i'));
  const f = sigmoid(pre('f'));
  const o = sigmoid(pre('o'));
  const g = Math.tanh(pre('g'));
  const c = f * cPrev + i * g;
  const h = o * Math.tanh(c);
  return { i, f, o, g, c, h };
}

export const lstm = (() => {
  const x = 1;
  const hPrev = 0.5;
  const cPrev = -0.4;
  const w: Record<'i' | 'f' | 'o' | 'g', [number, number, number]> = {
    i: [0.5, -1, 0],
    f: [1, 0.5, 1],
    o: [-0.5, 1, 0.5],
    g: [1, 1, -0.5],
  };
  const step = lstmStep(x, hPrev, cPrev, w);
  return { x, hPrev, cPrev, w, ...step, dcdcPrev: step.f };
})();

/** Parameter counts with input size D and hidden size H. */
export const counts = (() => {
  const d = 10;
  const h = 20;
  const vanilla = h * (d + h) + h;
  return { d, h, vanilla, lstm: 4 * vanilla, gru: 3 * vanilla };
})();

export const truncated = { length: 1000, chunk: 50, chunks: Math.ceil(1000 / 50) };

/** Check-yourself numbers: an LSTM with input 32 and hidden 64. */
export const quiz = (() => {
  const d = 32;
  const h = 64;
  const perGate = h * (d + h) + h;
  return { d, h, perGate, total: 4 * perGate };
})();
