/** Softmax and log-softmax along an axis, shifted by the (detached) maximum so exp cannot overflow. */
import { div, exp, log, max, sub, sum } from '../autodiff/ops.ts';
import type { Tensor } from '../autodiff/tensor.ts';

/**
 * softmax(x)_j = e^(x_j - m) / sum_k e^(x_k - m) with m = max_k x_k. Subtracting m does not change
 * the value, and its gradient is exactly zero, so m is detached (a constant).
 */
export function softmax(x: Tensor, axis = -1): Tensor {
  const e = exp(sub(x, max(x, { axis, keepdims: true }).detach()));
  return div(e, sum(e, { axis, keepdims: true }));
}

/** log softmax(x)_j = (x_j - m) - log sum_k e^(x_k - m) (the log-sum-exp trick). */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  const shifted = sub(x, max(x, { axis, keepdims: true }).detach());
  return sub(shifted, log(sum(exp(shifted), { axis, keepdims: true })));
}
