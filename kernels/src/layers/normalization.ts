/** Batch normalization and layer normalization, written with the differentiable ops. */
import { add, div, mean, mul, pow, reshape, sqrt, sub } from '../autodiff/ops.ts';
import type { Tensor, TensorLike } from '../autodiff/tensor.ts';
import { asTensor } from '../autodiff/tensor.ts';
import { ArgumentError, ShapeError } from '../ndarray/errors.ts';
import type { NDArray } from '../ndarray/ndarray.ts';
import { formatShape } from '../ndarray/shape.ts';
import { np } from '../np.ts';

export interface BatchnormOptions {
  /** Training mode normalizes with the batch statistics; evaluation mode with the running ones. Default true. */
  train?: boolean;
  /** Added to the variance before the square root. Default 1e-5. */
  eps?: number;
  /** running = momentum * running + (1 - momentum) * batch statistic. Default 0.9. */
  momentum?: number;
  /** Running mean per feature (default zeros). Not modified: the updated one is returned. */
  runningMean?: NDArray;
  /** Running (biased) variance per feature (default ones). */
  runningVar?: NDArray;
}

export interface BatchnormResult {
  out: Tensor;
  /** The running statistics after this call (updated in training mode, unchanged in evaluation). */
  runningMean: NDArray;
  runningVar: NDArray;
}

/**
 * Batch normalization over the batch, per feature (axis 1): x is (N, D), or (N, C, H, W) where
 * the statistics of channel c are taken over N, H and W (spatial batchnorm). gamma and beta have
 * shape (D,) or (C,).
 *
 *   mu = mean(x), var = mean((x - mu)^2) (biased), xhat = (x - mu) / sqrt(var + eps),
 *   out = gamma * xhat + beta.
 *
 * In training mode the gradient flows through mu and var too (the batch statistics depend on x).
 */
export function batchnorm(
  x: Tensor,
  gamma: TensorLike,
  beta: TensorLike,
  options: BatchnormOptions = {},
): BatchnormResult {
  const { train = true, eps = 1e-5, momentum = 0.9 } = options;
  if (x.ndim < 2) throw new ShapeError(`batchnorm: x must be (N, D, ...), got ${formatShape(x.shape)}`);
  const features = x.shape[1] as number;
  const axes = x.shape.map((_, d) => d).filter((d) => d !== 1); // every axis but the features
  const perFeature = x.shape.map((n, d) => (d === 1 ? n : 1)); // (1, D) or (1, C, 1, 1)
  const g = reshape(asTensor(gamma), perFeature);
  const b = reshape(asTensor(beta), perFeature);
  let runningMean = options.runningMean ?? np.zeros([features]);
  let runningVar = options.runningVar ?? np.ones([features]);
  let xhat: Tensor;
  if (train) {
    const mu = mean(x, { axis: axes, keepdims: true });
    const centred = sub(x, mu);
    const variance = mean(pow(centred, 2), { axis: axes, keepdims: true });
    xhat = div(centred, sqrt(add(variance, eps)));
    const blend = (running: NDArray, batch: NDArray) =>
      np.add(np.multiply(momentum, running), np.multiply(1 - momentum, np.reshape(batch, [features])));
    runningMean = blend(runningMean, mu.value);
    runningVar = blend(runningVar, variance.value);
  } else {
    if (options.runningMean === undefined || options.runningVar === undefined)
      throw new ArgumentError('batchnorm: evaluation mode (train: false) needs runningMean and runningVar');
    xhat = div(
      sub(x, np.reshape(runningMean, perFeature)),
      np.sqrt(np.add(np.reshape(runningVar, perFeature), eps)),
    );
  }
  return { out: add(mul(g, xhat), b), runningMean, runningVar };
}

/**
 * Layer normalization: each sample is normalized over its last axis (the features), the same in
 * training and evaluation; gamma and beta have the shape of that axis.
 */
export function layernorm(
  x: Tensor,
  gamma: TensorLike,
  beta: TensorLike,
  options: { eps?: number } = {},
): Tensor {
  const eps = options.eps ?? 1e-5;
  const mu = mean(x, { axis: -1, keepdims: true });
  const centred = sub(x, mu);
  const variance = mean(pow(centred, 2), { axis: -1, keepdims: true });
  const xhat = div(centred, sqrt(add(variance, eps)));
  return add(mul(gamma, xhat), beta);
}
