/**
 * Losses. Every loss is averaged over the batch (the 1/N lives here, in the loss, never in a
 * layer's backward pass) and returns a 0-d tensor.
 */
import { add, mean, mul, neg, pow, relu, softplus, sub, sum } from '../autodiff/ops.ts';
import { asTensor, type Tensor, type TensorLike } from '../autodiff/tensor.ts';
import { ArgumentError, ShapeError } from '../ndarray/errors.ts';
import type { ArrayInput, NDArray } from '../ndarray/ndarray.ts';
import { formatShape } from '../ndarray/shape.ts';
import { np } from '../np.ts';
import { logSoftmax } from './softmax.ts';

/** One-hot rows (N, C) of integer labels (N,), checked against the number of classes. */
export function oneHot(labels: ArrayInput, classes: number, op = 'oneHot'): NDArray {
  const y = np.asarray(labels).toTypedArray();
  const out = np.zeros([y.length, classes]);
  y.forEach((label, i) => {
    if (!Number.isInteger(label) || label < 0 || label >= classes)
      throw new ArgumentError(`${op}: labels[${i}] = ${label} is not a class index in [0, ${classes})`);
    out.set([i, label], 1);
  });
  return out;
}

function checkScores(scores: Tensor, labels: ArrayInput, op: string): NDArray {
  const [n, c] = scores.shape;
  if (scores.ndim !== 2 || n === undefined || c === undefined)
    throw new ShapeError(`${op}: scores must be (N, C), got ${formatShape(scores.shape)}`);
  const y = np.asarray(labels);
  if (y.size !== n) throw new ShapeError(`${op}: got ${y.size} labels for ${n} rows of scores`);
  return oneHot(y, c, op);
}

/**
 * Softmax cross-entropy: L = (1/N) sum_i -log softmax(s_i)[y_i], computed as
 * log-sum-exp(s_i) - s_i[y_i] (stable). dL/ds = (softmax(s) - onehot(y)) / N.
 */
export function softmaxCrossEntropy(scores: Tensor, labels: ArrayInput): Tensor {
  const y = checkScores(scores, labels, 'softmaxCrossEntropy');
  const n = scores.shape[0] as number;
  return neg(sum(mul(logSoftmax(scores, 1), y)).div(n));
}

/**
 * Multiclass SVM (hinge) loss, margin 1: L = (1/N) sum_i sum_{j != y_i} max(0, s_ij - s_iy_i + 1).
 */
export function hinge(scores: Tensor, labels: ArrayInput): Tensor {
  const y = checkScores(scores, labels, 'hinge');
  const n = scores.shape[0] as number;
  const correct = sum(mul(scores, y), { axis: 1, keepdims: true }); // s_iy_i, (N, 1)
  const margins = mul(relu(add(sub(scores, correct), 1)), np.subtract(1, y)); // j = y_i left out
  return sum(margins).div(n);
}

/**
 * Mean squared error with the 1/2 convention: L = mean over ALL elements of 0.5 (pred - target)^2,
 * so dL/dpred = (pred - target) / size. For (N, 1) predictions that is the mean over N.
 */
export function mse(pred: Tensor, target: TensorLike): Tensor {
  const t = asTensor(target);
  if (formatShape(t.shape) !== formatShape(pred.shape))
    throw new ShapeError(
      `mse: pred has shape ${formatShape(pred.shape)} but target has shape ${formatShape(t.shape)}`,
    );
  return mul(0.5, mean(pow(sub(pred, t), 2)));
}

/**
 * Binary cross-entropy on logits z with targets t in [0, 1], mean over all elements:
 * -[t log sigma(z) + (1 - t) log(1 - sigma(z))] = softplus(z) - t z (stable for any z).
 * dL/dz = (sigma(z) - t) / size.
 */
export function bce(logits: Tensor, targets: TensorLike): Tensor {
  const t = asTensor(targets);
  if (formatShape(t.shape) !== formatShape(logits.shape))
    throw new ShapeError(
      `bce: logits have shape ${formatShape(logits.shape)} but targets have shape ${formatShape(t.shape)}`,
    );
  return mean(sub(softplus(logits), mul(t, logits)));
}
