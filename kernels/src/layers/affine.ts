/** The affine (fully connected) layer. */
import { add, matmul, reshape } from '../autodiff/ops.ts';
import type { Tensor, TensorLike } from '../autodiff/tensor.ts';
import { ShapeError } from '../ndarray/errors.ts';
import { formatShape } from '../ndarray/shape.ts';

/**
 * out = X W + b with batch rows: x of shape (N, d1, ..., dk) is flattened to X (N, D),
 * w is (D, M), b is (M,). Backward (by the ops): dX = dY W^T, dW = X^T dY, db = sum over N of dY.
 */
export function affine(x: Tensor, w: TensorLike, b: TensorLike): Tensor {
  const n = x.shape[0];
  if (n === undefined) throw new ShapeError('affine: x must have a batch dimension, got a 0-d tensor');
  const flat = reshape(x, [n, x.size / Math.max(n, 1)]);
  const out = matmul(flat, w);
  if (out.ndim !== 2)
    throw new ShapeError(`affine: expected w of shape (D, M), got x ${formatShape(x.shape)}`);
  return add(out, b);
}
