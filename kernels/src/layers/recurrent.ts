/** One step of a vanilla RNN and of an LSTM (batch rows: x (N, D), h (N, H)). */
import { add, matmul, mul, sigmoid, slice, tanh } from '../autodiff/ops.ts';
import type { Tensor, TensorLike } from '../autodiff/tensor.ts';

/** h' = tanh(x Wx + h Wh + b) with Wx (D, H), Wh (H, H), b (H,). */
export function rnnCell(x: TensorLike, h: TensorLike, wx: TensorLike, wh: TensorLike, b: TensorLike): Tensor {
  return tanh(add(add(matmul(x, wx), matmul(h, wh)), b));
}

/**
 * One LSTM step. Wx (D, 4H), Wh (H, 4H), b (4H,). The pre-activations a = x Wx + h Wh + b are
 * split into four blocks of width H in the order [i, f, o, g]:
 *   i = sigma(a_i) input gate, f = sigma(a_f) forget gate, o = sigma(a_o) output gate,
 *   g = tanh(a_g) candidate;  c' = f * c + i * g;  h' = o * tanh(c').
 */
export function lstmCell(
  x: TensorLike,
  h: Tensor,
  c: TensorLike,
  wx: TensorLike,
  wh: TensorLike,
  b: TensorLike,
): { h: Tensor; c: Tensor } {
  const hidden = h.shape[1] as number;
  const a = add(add(matmul(x, wx), matmul(h, wh)), b);
  const block = (k: number) => slice(a, ':', `${k * hidden}:${(k + 1) * hidden}`);
  const i = sigmoid(block(0));
  const f = sigmoid(block(1));
  const o = sigmoid(block(2));
  const g = tanh(block(3));
  const cNext = add(mul(f, c), mul(i, g));
  return { h: mul(o, tanh(cNext)), c: cNext };
}
