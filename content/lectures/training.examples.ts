import { affineBackward, affineForward } from './backpropagation.examples.ts';
import { get, type Mat, map, mean, randn, rng, scale, sumRows, type Vec, zip } from './examples/_math.ts';
import { softmaxLoss } from './linear-classifiers.examples.ts';

const eps = 1e-5;

export function batchnormForward(X: Mat, gamma: Vec, beta: Vec) {
  const n = X.length;
  const mu = scale([sumRows(X)], 1 / n)[0] ?? [];
  const centred = map(X, (v, _i, j) => v - get(mu, j));
  const variance = scale([sumRows(map(centred, (v) => v * v))], 1 / n)[0] ?? [];
  const sd = variance.map((v) => Math.sqrt(v + eps));
  const xhat = map(centred, (v, _i, j) => v / get(sd, j));
  const Y = map(xhat, (v, _i, j) => get(gamma, j) * v + get(beta, j));
  return { mu, variance, sd, xhat, Y };
}

/** The compact batchnorm backward: dX = gamma / (N sd) * (N dY - sum dY - xhat * sum(dY xhat)). */
export function batchnormBackward(dY: Mat, xhat: Mat, gamma: Vec, sd: Vec) {
  const n = dY.length;
  const dbeta = sumRows(dY);
  const dgamma = sumRows(zip(dY, xhat, (a, b) => a * b));
  const dX = map(dY, (g, i, j) => {
    const xh = get(xhat[i] ?? [], j);
    return (get(gamma, j) / (n * get(sd, j))) * (n * g - get(dbeta, j) - xh * get(dgamma, j));
  });
  return { dX, dgamma, dbeta };
}

/**
 * The batchnorm backward pass taken one node of the graph at a time (dxhat -> dvar -> dmean -> dX),
 * the way the lecture derives it; it must agree with the compact formula.
 */
export function batchnormBackwardStaged(dY: Mat, X: Mat, gamma: Vec, mu: Vec, variance: Vec) {
  const n = dY.length;
  const dxhat = map(dY, (g, _i, j) => g * get(gamma, j));
  const centred = map(X, (v, _i, j) => v - get(mu, j));
  const dvar = sumRows(zip(dxhat, centred, (a, c) => a * c)).map(
    (v, j) => v * -0.5 * (get(variance, j) + eps) ** -1.5,
  );
  const sumCentred = sumRows(centred);
  const dmean = sumRows(dxhat).map(
    (v, j) => -v / Math.sqrt(get(variance, j) + eps) + (get(dvar, j) * -2 * get(sumCentred, j)) / n,
  );
  const dX = map(
    dxhat,
    (g, i, j) =>
      g / Math.sqrt(get(variance, j) + eps) +
      (get(dvar, j) * 2 * get(centred[i] ?? [], j)) / n +
      get(dmean, j) / n,
  );
  return { dxhat, dvar, dmean, dX };
}

export const batchnorm = (() => {
  const X = [
    [1, 2, -1],
    [3, 0, 0],
    [-1, 4, 1],
    [1, 2, 4],
  ];
  const gamma = [1, 2, 0.5];
  const beta = [0, -1, 1];
  const dY = [
    [0.1, -0.2, 0.3],
    [0.4, 0.1, -0.1],
    [-0.3, 0.2, 0.2],
    [0.2, 0, -0.4],
  ];
  const fwd = batchnormForward(X, gamma, beta);
  const back = batchnormBackward(dY, fwd.xhat, gamma, fwd.sd);
  const momentum = 0.9;
  const runningMean = [0, 0, 0];
  const updatedRunningMean = runningMean.map((r, j) => momentum * r + (1 - momentum) * get(fwd.mu, j));
  const staged = batchnormBackwardStaged(dY, X, gamma, fwd.mu, fwd.variance);
  return { X, gamma, beta, dY, ...fwd, ...back, staged, momentum, updatedRunningMean, eps };
})();

export function layernormForward(X: Mat) {
  return X.map((row) => {
    const mu = mean(row);
    const variance = mean(row.map((v) => (v - mu) ** 2));
    return { mu, variance, out: row.map((v) => (v - mu) / Math.sqrt(variance + eps)) };
  });
}

export const layernorm = (() => {
  const rows = layernormForward(batchnorm.X);
  return { mu: rows.map((r) => r.mu), variance: rows.map((r) => r.variance), out: rows.map((r) => r.out) };
})();

/** Parameter counts for a BatchNorm2d over an (N, C, H, W) input. */
export const bnCounts = (() => {
  const shape = [8, 3, 32, 64];
  const c = get(shape, 1);
  return {
    shape,
    learnable: 2 * c,
    running: 2 * c,
    statsPerChannel: get(shape, 0) * get(shape, 2) * get(shape, 3),
  };
})();

/** Sanity check: the loss at initialization is log C when the scores are nearly equal. */
export const initialLoss = (() => {
  const classes = 10;
  const S = map(randn(64, classes, 3), (v) => v * 1e-3);
  const y = Array.from({ length: 64 }, (_, i) => i % classes);
  return { classes, measured: softmaxLoss(S, y).loss, expected: Math.log(classes) };
})();

/** Overfitting a tiny batch: a 2-layer ReLU network memorises 8 examples with random labels. */
export const overfit = (() => {
  const n = 8;
  const d = 5;
  const h = 32;
  const c = 3;
  const X = randn(n, d, 11);
  const u = rng(12);
  const y = Array.from({ length: n }, () => Math.floor(u() * c));
  let W1 = map(randn(d, h, 13), (v) => v * Math.sqrt(2 / d));
  let b1 = new Array<number>(h).fill(0);
  let W2 = map(randn(h, c, 14), (v) => v * Math.sqrt(1 / h));
  let b2 = new Array<number>(c).fill(0);
  const lr = 0.5;
  const checkpoints = [0, 10, 25, 50, 100, 200, 400];
  const rows: number[][] = [];
  for (let t = 0; t <= 400; t++) {
    const Z = affineForward(X, W1, b1);
    const H = map(Z, (v) => Math.max(0, v));
    const S = affineForward(H, W2, b2);
    const { loss, dS, P } = softmaxLoss(S, y);
    if (checkpoints.includes(t)) {
      const acc = mean(P.map((row, i) => (row.indexOf(Math.max(...row)) === get(y, i) ? 1 : 0)));
      rows.push([t, loss, acc]);
    }
    const g2 = affineBackward(H, W2, dS);
    const dZ = zip(g2.dX, Z, (g, z) => (z > 0 ? g : 0));
    const g1 = affineBackward(X, W1, dZ);
    W1 = zip(W1, g1.dW, (w, g) => w - lr * g);
    b1 = b1.map((v, j) => v - lr * get(g1.db, j));
    W2 = zip(W2, g2.dW, (w, g) => w - lr * g);
    b2 = b2.map((v, j) => v - lr * get(g2.db, j));
  }
  return { n, d, h, c, lr, rows, finalLoss: get(rows.at(-1) ?? [], 1) };
})();

/** Grid versus random search: how many distinct values of the important hyperparameter are tried. */
export const search = (() => {
  const trials = 9;
  const u = rng(5);
  const gridLr = [1e-4, 1e-3, 1e-2];
  const grid = gridLr.flatMap((lr) => [0.1, 0.3, 0.5].map((p) => [lr, p]));
  const random = Array.from({ length: trials }, () => [10 ** (-5 + 4 * u()), 0.1 + 0.4 * u()]);
  return {
    trials,
    distinctGrid: new Set(grid.map((g) => g[0])).size,
    distinctRandom: new Set(random.map((r) => r[0])).size,
    random,
  };
})();

/** Splitting a data set: sizes of an 80/10/10 split and of 5-fold cross-validation. */
export const splits = (() => {
  const n = 10000;
  const train = Math.round(0.8 * n);
  const val = Math.round(0.1 * n);
  const k = 5;
  return { n, train, val, test: n - train - val, k, foldSize: n / k, foldTrain: n - n / k };
})();

/** Precision, recall, F1 and accuracy from labels and predictions (1 = positive). */
export function confusion(labels: number[], preds: number[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  labels.forEach((y, i) => {
    const p = get(preds, i);
    if (y === 1 && p === 1) tp++;
    else if (y === 0 && p === 1) fp++;
    else if (y === 1 && p === 0) fn++;
    else tn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1, accuracy: (tp + tn) / labels.length };
}

/**
 * A screening test on 1000 people of whom 50 are ill: a classifier's confusion matrix, next to the
 * classifier that always says "healthy"; then a sweep of the decision threshold on random scores.
 */
export const imbalance = (() => {
  const n = 1000;
  const positives = 50;
  const labels = Array.from({ length: n }, (_, i) => (i < positives ? 1 : 0));
  // the classifier finds 40 of the 50 ill people and raises 40 false alarms among the healthy
  const preds = labels.map((y, i) => (y === 1 ? (i < 40 ? 1 : 0) : i < positives + 40 ? 1 : 0));
  const model = confusion(labels, preds);
  const allNegative = confusion(
    labels,
    labels.map(() => 0),
  );
  const weights = [n / (2 * (n - positives)), n / (2 * positives)];
  const noise = randn(n, 1, 123);
  const scores = labels.map((y, i) => (y === 1 ? 1.5 : -1) + get(noise[i] ?? [], 0));
  const thresholds = [-1, 0, 1, 2];
  const sweep = thresholds.map((th) => {
    const c = confusion(
      labels,
      scores.map((s) => (s >= th ? 1 : 0)),
    );
    return [th, c.precision, c.recall, c.f1];
  });
  return { n, positives, model, allNegative, weights, sweep };
})();

/** Check-yourself: 30 of 40 positives found, 20 false alarms among 960 negatives. */
export const quizConfusion = (() => {
  const labels = Array.from({ length: 1000 }, (_, i) => (i < 40 ? 1 : 0));
  const preds = labels.map((y, i) => (y === 1 ? (i < 30 ? 1 : 0) : i < 60 ? 1 : 0));
  const model = confusion(labels, preds);
  const allNegative = confusion(
    labels,
    labels.map(() => 0),
  );
  return { ...model, baseline: allNegative.accuracy };
})();
