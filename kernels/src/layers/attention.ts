/** Scaled dot-product attention and multi-head attention. */
import { add, div, matmul, reshape, transpose, where } from '../autodiff/ops.ts';
import type { Tensor, TensorLike } from '../autodiff/tensor.ts';
import { asTensor } from '../autodiff/tensor.ts';
import { ShapeError } from '../ndarray/errors.ts';
import type { ArrayInput } from '../ndarray/ndarray.ts';
import { formatShape } from '../ndarray/shape.ts';
import { softmax } from './softmax.ts';

/** The score given to masked positions: large and negative, so exp underflows to 0 without NaN. */
export const MASKED_SCORE = -1e9;

/**
 * Attention weights softmax(Q K^T / sqrt(d)) for q (..., Tq, d) and k (..., Tk, d); each row sums
 * to 1. `mask` (bool, broadcastable to (..., Tq, Tk)) is true where query i MAY attend to key j;
 * the other scores are replaced by MASKED_SCORE (a causal mask is the lower triangle).
 */
export function attentionWeights(q: TensorLike, k: TensorLike, mask?: ArrayInput): Tensor {
  const [qt, kt] = [asTensor(q), asTensor(k)];
  const d = qt.shape[qt.ndim - 1] as number;
  let scores = div(matmul(qt, transposeLast(kt)), Math.sqrt(d)); // (..., Tq, Tk)
  if (mask !== undefined) scores = where(mask, scores, MASKED_SCORE);
  return softmax(scores, -1);
}

/** softmax(Q K^T / sqrt(d) [masked]) V for q (..., Tq, d), k (..., Tk, d), v (..., Tk, dv). */
export function scaledDotProductAttention(
  q: TensorLike,
  k: TensorLike,
  v: TensorLike,
  mask?: ArrayInput,
): Tensor {
  return matmul(attentionWeights(q, k, mask), v);
}

function transposeLast(t: Tensor): Tensor {
  const axes = t.shape.map((_, d) => d);
  axes.splice(-2, 2, t.ndim - 1, t.ndim - 2);
  return transpose(t, axes);
}

/** Projection weights (E, E) of multi-head attention; biases (E,) are optional. */
export interface AttentionParams {
  wq: TensorLike;
  wk: TensorLike;
  wv: TensorLike;
  wo: TensorLike;
  bq?: TensorLike;
  bk?: TensorLike;
  bv?: TensorLike;
  bo?: TensorLike;
}

/**
 * Multi-head self-attention of x (N, T, E): Q = x Wq + bq (likewise K, V), each split into
 * `heads` heads of width E / heads, attention per head, heads concatenated back to (N, T, E),
 * then out = concat Wo + bo. `mask` broadcasts to (N, heads, T, T).
 */
export function multiHeadAttention(
  x: Tensor,
  params: AttentionParams,
  heads: number,
  mask?: ArrayInput,
): Tensor {
  const [n, t, e] = x.shape;
  if (x.ndim !== 3 || n === undefined || t === undefined || e === undefined || e % heads !== 0)
    throw new ShapeError(
      `multiHeadAttention: x must be (N, T, E) with E divisible by heads=${heads}, got ${formatShape(x.shape)}`,
    );
  const dk = e / heads;
  const project = (w: TensorLike, b: TensorLike | undefined) => {
    const y = matmul(x, w);
    return b === undefined ? y : add(y, b);
  };
  // (N, T, E) -> (N, T, heads, dk) -> (N, heads, T, dk)
  const split = (y: Tensor) => transpose(reshape(y, [n, t, heads, dk]), [0, 2, 1, 3]);
  const q = split(project(params.wq, params.bq));
  const k = split(project(params.wk, params.bk));
  const v = split(project(params.wv, params.bv));
  const heads4 = scaledDotProductAttention(q, k, v, mask); // (N, heads, T, dk)
  const concat = reshape(transpose(heads4, [0, 2, 1, 3]), [n, t, e]);
  const out = matmul(concat, params.wo);
  return params.bo === undefined ? out : add(out, params.bo);
}
