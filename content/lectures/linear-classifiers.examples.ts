import {
  addRow,
  argmax,
  get,
  get2,
  type Mat,
  matmul,
  mean,
  scale,
  sigmoid,
  softmaxRows,
  sub,
  sumRows,
  transpose,
  type Vec,
} from './examples/_math.ts';

/** Lecture 1: a linear classifier with D = 2 features and C = 3 classes on a batch of N = 2. */
export const input = {
  X: [
    [1, 2],
    [-1, 0.5],
  ] as Mat,
  W: [
    [0.5, -1, 0.2],
    [0.3, 0.4, -0.6],
  ] as Mat,
  b: [0.1, 0, -0.2] as Vec,
  y: [0, 2] as number[],
  margin: 1,
};

export function hingePerClass(s: Vec, y: number, margin: number): Vec {
  return s.map((sj, j) => (j === y ? 0 : Math.max(0, sj - get(s, y) + margin)));
}

/**
 * Gradient of the batch-averaged hinge loss with respect to the scores: +1 for every wrong class
 * inside the margin, minus the number of such classes for the correct one, all divided by N.
 */
export function hingeGrad(S: Mat, y: number[], margin: number): Mat {
  return S.map((s, i) => {
    const yi = get(y, i);
    const active = hingePerClass(s, yi, margin).map((t) => (t > 0 ? 1 : 0));
    const count = active.reduce((a: number, v) => a + v, 0);
    return active.map((a, j) => (j === yi ? -count : a) / S.length);
  });
}

export function oneHot(y: number[], classes: number): Mat {
  return y.map((yi) => Array.from({ length: classes }, (_, j) => (j === yi ? 1 : 0)));
}

/** Softmax cross-entropy averaged over the batch, and its gradient with respect to the scores. */
export function softmaxLoss(S: Mat, y: number[]): { loss: number; P: Mat; dS: Mat; perExample: Vec } {
  const P = softmaxRows(S);
  const perExample = y.map((yi, i) => -Math.log(get2(P, i, yi)));
  const n = S.length;
  const dS = scale(sub(P, oneHot(y, S[0]?.length ?? 0)), 1 / n);
  return { loss: mean(perExample), P, dS, perExample };
}

export function compute(inp = input) {
  const S = addRow(matmul(inp.X, inp.W), inp.b);
  const predicted = S.map(argmax);
  const hinge = S.map((row, i) => hingePerClass(row, get(inp.y, i), inp.margin));
  const hingeLoss = mean(hinge.map((h) => h.reduce((a, v) => a + v, 0)));
  const ce = softmaxLoss(S, inp.y);
  const dSHinge = hingeGrad(S, inp.y, inp.margin);
  const dW = matmul(transpose(inp.X), ce.dS);
  const db = sumRows(ce.dS);
  return { S, predicted, hinge, hingeLoss, dSHinge, ...ce, dW, db };
}

/** Check-yourself numbers: a single hinge example and the loss at uniform scores. */
export const quiz = (() => {
  const s = [3, 1, 2];
  const terms = hingePerClass(s, 1, 1);
  return {
    s,
    terms,
    loss: terms.reduce((a, v) => a + v, 0),
    uniformLoss10: softmaxLoss([new Array<number>(10).fill(0.7)], [3]).loss,
  };
})();

/** Binary cross-entropy of one score for both labels. */
export const bce = (() => {
  const s = 1.5;
  const p = sigmoid(s);
  return { s, p, loss1: -Math.log(p), loss0: -Math.log(1 - p), grad1: p - 1, grad0: p };
})();

export const ex = compute();

/**
 * L1 versus L2 as regression losses: the best constant prediction for targets with one outlier.
 * The 1/2 mean squared error is minimised by the mean, the mean absolute error by the median.
 */
export const robust = (() => {
  const t = [1, 2, 3, 4, 100];
  const sorted = [...t].sort((a, b) => a - b);
  const median = get(sorted, Math.floor(sorted.length / 2));
  const l2 = (c: number) => mean(t.map((v) => 0.5 * (c - v) ** 2));
  const l1 = (c: number) => mean(t.map((v) => Math.abs(c - v)));
  const dl2 = (c: number) => mean(t.map((v) => c - v));
  const dl1 = (c: number) => mean(t.map((v) => Math.sign(c - v)));
  const m = mean(t);
  const clean = t.slice(0, 4);
  // how much of the L2 gradient at the median comes from the outlier alone
  const c = median;
  return {
    t,
    mean: m,
    median,
    l2,
    l1,
    cleanMean: mean(clean),
    l2AtMean: l2(m),
    l1AtMedian: l1(median),
    dl2AtMedian: dl2(c),
    dl2Outlier: (c - get(t, 4)) / t.length,
    dl1AtMedian: dl1(c),
  };
})();
