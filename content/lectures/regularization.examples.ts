import { dot, get, mapVec, norm, rng, sum, type Vec } from './examples/_math.ts';

/** Two weight vectors that give the same score on x, and what each penalty thinks of them. */
export const preference = (() => {
  const x = [1, 1, 1, 1];
  const w1 = [1, 0, 0, 0];
  const w2 = [0.25, 0.25, 0.25, 0.25];
  const l2 = (w: Vec) => dot(w, w);
  const l1 = (w: Vec) => sum(w.map(Math.abs));
  return {
    x,
    w1,
    w2,
    score1: dot(x, w1),
    score2: dot(x, w2),
    l2w1: l2(w1),
    l2w2: l2(w2),
    l1w1: l1(w1),
    l1w2: l1(w2),
  };
})();

/** Penalties and their (sub)gradients for one weight vector. */
export const penalties = (() => {
  const w = [0.5, -2, 0, 1];
  const lambda = 0.1;
  const alpha = 0.5; // elastic net mix
  const l2 = lambda * dot(w, w);
  const l1 = lambda * sum(w.map(Math.abs));
  const dl2 = mapVec(w, (v) => 2 * lambda * v);
  const dl1 = mapVec(w, (v) => lambda * Math.sign(v));
  const elastic = alpha * l1 + (1 - alpha) * l2;
  const delastic = mapVec(w, (_v, i) => alpha * get(dl1, i) + (1 - alpha) * get(dl2, i));
  return { w, lambda, alpha, l2, l1, dl2, dl1, elastic, delastic };
})();

/** One SGD step: L2 in the loss equals multiplying the weights by (1 - lr * lambda'). */
export const sgdDecay = (() => {
  const w = [2, -1];
  const g = [0.3, 0.4];
  const lr = 0.1;
  const lambda = 0.5; // penalty (lambda / 2) ||w||^2 in the loss
  const viaL2 = mapVec(w, (v, i) => v - lr * (get(g, i) + lambda * v));
  const viaDecay = mapVec(w, (v, i) => (1 - lr * lambda) * v - lr * get(g, i));
  return { w, g, lr, lambda, viaL2, viaDecay, factor: 1 - lr * lambda };
})();

/**
 * Adam with an L2 term in the gradient versus decoupled weight decay (AdamW). In the steady
 * state with constant gradient g, Adam divides every gradient component by about |g|, so the
 * decay a weight receives from the L2 term is lr * lambda * w / |g|: large for weights with
 * small gradients, tiny for weights with large gradients. AdamW shrinks every weight by
 * lr * lambda * w.
 */
export const adamDecay = (() => {
  const w = [1, 1];
  const gData = [0.01, 10];
  const lr = 1e-3;
  const lambda = 0.01;
  const eps = 1e-8;
  const adamL2 = mapVec(w, (v, i) => {
    const g = get(gData, i) + lambda * v;
    return (lr * lambda * v) / (Math.abs(g) + eps);
  });
  const adamW = mapVec(w, (v) => lr * lambda * v);
  return { w, gData, lr, lambda, adamL2, adamW, ratio: get(adamL2, 0) / get(adamL2, 1) };
})();

/** Early stopping on a validation curve produced by a simple model of over-fitting. */
export const earlyStopping = (() => {
  const epochs = Array.from({ length: 12 }, (_, t) => t + 1);
  const train = epochs.map((t) => 2.3 * Math.exp(-0.35 * t) + 0.05);
  const val = epochs.map((t) => 2.3 * Math.exp(-0.3 * t) + 0.25 + 0.012 * t * t);
  let best = 0;
  for (let i = 1; i < val.length; i++) if (get(val, i) < get(val, best)) best = i;
  const patience = 3;
  // the first epoch at which the validation loss has not improved for `patience` epochs
  let stop = epochs.length;
  let bestSoFar = Number.POSITIVE_INFINITY;
  let since = 0;
  for (let i = 0; i < val.length; i++) {
    if (get(val, i) < bestSoFar) {
      bestSoFar = get(val, i);
      since = 0;
    } else if (++since >= patience) {
      stop = i + 1;
      break;
    }
  }
  return { epochs, train, val, bestEpoch: best + 1, stopEpoch: stop, patience };
})();

/** Data augmentation: a horizontal flip and a crop of a 3 x 4 image. */
export const augmentation = (() => {
  const image = [
    [1, 2, 3, 4],
    [5, 6, 7, 8],
    [9, 10, 11, 12],
  ];
  const flipped = image.map((row) => [...row].reverse());
  const crop = image.slice(0, 2).map((row) => row.slice(1, 4));
  return { image, flipped, crop };
})();

/** Inverted dropout with keep probability q: a fixed mask, and the average over many masks. */
export const dropout = (() => {
  const h = [0.8, -1.2, 0.5, 2, 1.5, -0.4];
  const keep = 0.5;
  const u = rng(7);
  const mask = h.map(() => (u() < keep ? 1 : 0));
  const out = mapVec(h, (v, i) => (v * get(mask, i)) / keep);
  const trials = 20000;
  const acc = h.map(() => 0);
  for (let t = 0; t < trials; t++) {
    for (let i = 0; i < h.length; i++) {
      if (u() < keep) acc[i] = (acc[i] ?? 0) + get(h, i) / keep;
    }
  }
  const average = acc.map((s) => s / trials);
  const units = 6;
  return {
    h,
    keep,
    mask,
    out,
    trials,
    average,
    maxDeviation: Math.max(...average.map((a, i) => Math.abs(a - get(h, i)))),
    units,
    subnetworks: 2 ** units,
    normH: norm(h),
  };
})();

/** The probability that a unit is dropped by at least one of two independent dropout layers. */
export const dropTwice = (() => {
  const p = 0.3;
  const q = 0.2;
  return { p, q, either: p + q - p * q, keptBoth: (1 - p) * (1 - q) };
})();
