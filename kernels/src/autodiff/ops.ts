/**
 * The differentiable ops. Each one computes its forward value with `np` and, right beside it,
 * its VJP: given g = dL/d(out), the gradients dL/d(input) (micrograd style, one rule per screen).
 * VJPs may return gradients of the broadcast shape; `record` sums them back to each input's shape.
 *
 * Conventions: relu'(0) = 0, leakyRelu'(0) = slope, abs'(0) = 0; max sends the gradient to the
 * first maximum on ties.
 */
import { ArgumentError, ShapeError } from '../ndarray/errors.ts';
import type { SliceSpec } from '../ndarray/indexing.ts';
import type { PadWidth } from '../ndarray/manipulation.ts';
import type { ArrayInput, NDArray } from '../ndarray/ndarray.ts';
import {
  formatShape,
  inversePermutation,
  normalizeAxes,
  normalizeAxis,
  type Shape,
} from '../ndarray/shape.ts';
import { np } from '../np.ts';
import { asTensor, record, type Tensor, type TensorLike } from './tensor.ts';

/** Options of sum and mean: axes to reduce (all when omitted) and whether to keep them as length 1. */
export interface ReduceOptions {
  axis?: number | number[];
  keepdims?: boolean;
}

/** Options of max: one axis (all elements when omitted). */
export interface MaxOptions {
  axis?: number;
  keepdims?: boolean;
}

// ---------------------------------------------------------------- arithmetic (broadcasting)

/** a + b */
export function add(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = [asTensor(a), asTensor(b)];
  return record('add', np.add(x.value, y.value), [x, y], (g) => [g, g]);
}

/** a - b */
export function sub(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = [asTensor(a), asTensor(b)];
  return record('sub', np.subtract(x.value, y.value), [x, y], (g) => [g, np.negative(g)]);
}

/** a * b (elementwise) */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = [asTensor(a), asTensor(b)];
  return record('mul', np.multiply(x.value, y.value), [x, y], (g) => [
    np.multiply(g, y.value), // d(xy)/dx = y
    np.multiply(g, x.value), // d(xy)/dy = x
  ]);
}

/** a / b (elementwise) */
export function div(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = [asTensor(a), asTensor(b)];
  const out = np.divide(x.value, y.value);
  return record('div', out, [x, y], (g) => [
    np.divide(g, y.value), // d(x/y)/dx = 1/y
    np.negative(np.divide(np.multiply(g, out), y.value)), // d(x/y)/dy = -x/y^2 = -out/y
  ]);
}

/** -a */
export function neg(a: TensorLike): Tensor {
  const x = asTensor(a);
  return record('neg', np.negative(x.value), [x], (g) => [np.negative(g)]);
}

/** a ** p for a constant exponent p: d/da = p a^(p-1) */
export function pow(a: TensorLike, p: number): Tensor {
  const x = asTensor(a);
  return record('pow', np.power(x.value, p), [x], (g) => [
    np.multiply(g, np.multiply(p, np.power(x.value, p - 1))),
  ]);
}

// ---------------------------------------------------------------- elementwise functions

/** e^a: d/da = e^a = out */
export function exp(a: TensorLike): Tensor {
  const x = asTensor(a);
  const out = np.exp(x.value);
  return record('exp', out, [x], (g) => [np.multiply(g, out)]);
}

/** ln a: d/da = 1/a */
export function log(a: TensorLike): Tensor {
  const x = asTensor(a);
  return record('log', np.log(x.value), [x], (g) => [np.divide(g, x.value)]);
}

/** sqrt(a): d/da = 1 / (2 sqrt(a)) */
export function sqrt(a: TensorLike): Tensor {
  const x = asTensor(a);
  const out = np.sqrt(x.value);
  return record('sqrt', out, [x], (g) => [np.divide(g, np.multiply(2, out))]);
}

/** tanh(a): d/da = 1 - tanh(a)^2 */
export function tanh(a: TensorLike): Tensor {
  const x = asTensor(a);
  const out = np.tanh(x.value);
  return record('tanh', out, [x], (g) => [np.multiply(g, np.subtract(1, np.square(out)))]);
}

/** sigma(a) = 1 / (1 + e^-a), computed without overflow: d/da = sigma (1 - sigma) */
export function sigmoid(a: TensorLike): Tensor {
  const x = asTensor(a);
  const e = np.exp(np.negative(np.abs(x.value))); // e^-|a| <= 1
  const out = np.where(np.greaterEqual(x.value, 0), np.divide(1, np.add(1, e)), np.divide(e, np.add(1, e)));
  return record('sigmoid', out, [x], (g) => [np.multiply(g, np.multiply(out, np.subtract(1, out)))]);
}

/** max(a, 0): d/da = 1 where a > 0, else 0 (relu'(0) = 0) */
export function relu(a: TensorLike): Tensor {
  const x = asTensor(a);
  const positive = np.greater(x.value, 0);
  return record(
    'relu',
    np.where(positive, x.value, 0),
    [x],
    (g) => [np.where(positive, g, 0)],
    () => minAbs(x.value),
  );
}

/** a where a > 0, else slope * a: d/da = 1 or slope */
export function leakyRelu(a: TensorLike, slope = 0.01): Tensor {
  const x = asTensor(a);
  const positive = np.greater(x.value, 0);
  return record(
    'leakyRelu',
    np.where(positive, x.value, np.multiply(slope, x.value)),
    [x],
    (g) => [np.where(positive, g, np.multiply(slope, g))],
    () => minAbs(x.value),
  );
}

/** softplus(a) = ln(1 + e^a) = max(a, 0) + ln(1 + e^-|a|) (no overflow): d/da = sigma(a) */
export function softplus(a: TensorLike): Tensor {
  const x = asTensor(a);
  const out = np.add(np.maximum(x.value, 0), np.log1p(np.exp(np.negative(np.abs(x.value)))));
  return record('softplus', out, [x], (g) => [np.multiply(g, sigmoid(x.value).value)]);
}

/** |a|: d/da = sign(a) (0 at 0) */
export function abs(a: TensorLike): Tensor {
  const x = asTensor(a);
  return record(
    'abs',
    np.abs(x.value),
    [x],
    (g) => [np.multiply(g, np.sign(x.value))],
    () => minAbs(x.value),
  );
}

/** condition ? a : b elementwise (condition is a constant bool array; broadcasting) */
export function where(condition: ArrayInput, a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = [asTensor(a), asTensor(b)];
  const c = np.asarray(condition);
  return record('where', np.where(c, x.value, y.value), [x, y], (g) => [
    np.where(c, g, 0), // a's elements were picked where c holds
    np.where(c, 0, g),
  ]);
}

// ---------------------------------------------------------------- linear algebra

/**
 * Matrix product a @ b of 2-D (m,k)@(k,n) or batched (..., m, k) @ (..., k, n) tensors (batch dims
 * broadcast): dA = G B^T, dB = A^T G (summed over broadcast batch dims by record).
 */
export function matmul(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = [asTensor(a), asTensor(b)];
  if (x.ndim < 2 || y.ndim < 2)
    throw new ShapeError(
      `matmul: tensors need at least 2 dims (reshape vectors to (1, n) or (n, 1)), got shapes ${formatShape(x.shape)} and ${formatShape(y.shape)}`,
    );
  return record('matmul', np.matmul(x.value, y.value), [x, y], (g) => [
    np.matmul(g, np.swapaxes(y.value, -1, -2)),
    np.matmul(np.swapaxes(x.value, -1, -2), g),
  ]);
}

// ---------------------------------------------------------------- reductions

/** The shape of a reduction result with keepdims (reduced axes as 1), so that g broadcasts back. */
function keptShape(shape: Shape, axes: readonly number[]): number[] {
  return shape.map((n, d) => (axes.includes(d) ? 1 : n));
}

/** Sum over axes: every input element gets the gradient of the sum it went into. */
export function sum(a: TensorLike, options: ReduceOptions = {}): Tensor {
  const x = asTensor(a);
  const axes = normalizeAxes(options.axis, x.ndim, 'sum');
  return record('sum', np.sum(x.value, options), [x], (g) => [
    np.broadcastTo(np.reshape(g, keptShape(x.shape, axes)), x.shape),
  ]);
}

/** Mean over axes: the sum's gradient divided by the count. */
export function mean(a: TensorLike, options: ReduceOptions = {}): Tensor {
  const x = asTensor(a);
  const axes = normalizeAxes(options.axis, x.ndim, 'mean');
  const count = axes.reduce((n, d) => n * (x.shape[d] as number), 1);
  return record('mean', np.mean(x.value, options), [x], (g) => [
    np.broadcastTo(np.divide(np.reshape(g, keptShape(x.shape, axes)), count), x.shape),
  ]);
}

/** Largest element along one axis (or of all): the gradient goes to the argmax (the first one on ties). */
export function max(a: TensorLike, options: MaxOptions = {}): Tensor {
  const x = asTensor(a);
  const flat = options.axis === undefined;
  const v = flat ? np.reshape(x.value, [x.size]) : x.value;
  const axis = flat ? 0 : normalizeAxis(options.axis as number, x.ndim, 'max');
  const arg = np.argmax(v, { axis, keepdims: true });
  const out = np.max(x.value, { axis: options.axis, keepdims: options.keepdims });
  return record(
    'max',
    out,
    [x],
    (g) => {
      const gx = np.zeros(v.shape);
      np.putAlongAxis(gx, arg, np.reshape(g, arg.shape), axis);
      return [np.reshape(gx, x.shape)];
    },
    () => topTwoGap(v, axis),
  );
}

// ---------------------------------------------------------------- shape

/** Same elements, new shape: the gradient is reshaped back. */
export function reshape(a: TensorLike, shape: Shape): Tensor {
  const x = asTensor(a);
  return record('reshape', np.reshape(x.value, shape), [x], (g) => [np.reshape(g, x.shape)]);
}

/** Permutes the axes (reversed by default): the gradient is permuted back. */
export function transpose(a: TensorLike, axes?: readonly number[]): Tensor {
  const x = asTensor(a);
  const perm = axes ?? x.shape.map((_, d) => x.ndim - 1 - d);
  return record('transpose', np.transpose(x.value, perm), [x], (g) => [
    np.transpose(g, inversePermutation(perm.map((d) => normalizeAxis(d, x.ndim, 'transpose')))),
  ]);
}

/**
 * Basic indexing `x[specs]` (ints, `'1:3'`, `{ start, stop, step }`, null, '...'; see NDArray.slice):
 * the gradient is scattered into zeros at the same positions.
 */
export function slice(a: TensorLike, ...specs: SliceSpec[]): Tensor {
  const x = asTensor(a);
  return record('slice', x.value.slice(...specs).copy(), [x], (g) => [np.zeros(x.shape).set([...specs], g)]);
}

/**
 * Integer-array indexing (gather) along an axis, np.take: out = x[..., indices, ...]. Repeated
 * indices add their gradients (scatter-add, np.addAt).
 */
export function take(a: TensorLike, indices: ArrayInput, options: { axis?: number } = {}): Tensor {
  const x = asTensor(a);
  const idx = np.asarray(indices);
  if (options.axis === undefined) return take(reshape(x, [x.size]), idx, { axis: 0 });
  const axis = normalizeAxis(options.axis, x.ndim, 'take');
  return record('take', np.take(x.value, idx, { axis }), [x], (g) => {
    // g has shape x.shape[:axis] + idx.shape + x.shape[axis+1:]; bring the gathered axis first
    const rows = np.moveaxis(
      np.reshape(g, [...x.shape.slice(0, axis), idx.size, ...x.shape.slice(axis + 1)]),
      axis,
      0,
    );
    const gx = np.zeros(np.moveaxis(x.value, axis, 0).shape);
    np.addAt(gx, np.ravel(idx), rows);
    return [np.moveaxis(gx, 0, axis)];
  });
}

/** Joins tensors along an axis: each input gets its own slab of the gradient. */
export function concatenate(tensors: readonly TensorLike[], options: { axis?: number } = {}): Tensor {
  const xs = tensors.map(asTensor);
  const first = xs[0];
  if (first === undefined) throw new ArgumentError('concatenate: need at least one tensor');
  const axis = normalizeAxis(options.axis ?? 0, first.ndim, 'concatenate');
  const out = np.concatenate(
    xs.map((t) => t.value),
    { axis },
  );
  return record('concatenate', out, xs, (g) => {
    let start = 0;
    return xs.map((t) => {
      const stop = start + (t.shape[axis] as number);
      const specs: SliceSpec[] = t.shape.map((_, d) => (d === axis ? { start, stop } : ':'));
      start = stop;
      return g.slice(...specs);
    });
  });
}

/** Zero padding (or constantValue): the gradient is the inner (unpadded) part of g. */
export function pad(a: TensorLike, padWidth: PadWidth, options: { constantValues?: number } = {}): Tensor {
  const x = asTensor(a);
  const out = np.pad(x.value, padWidth, options);
  return record('pad', out, [x], (g) => {
    const specs: SliceSpec[] = x.shape.map((n, d) => {
      const before = (out.shape[d] as number) - n - padAfter(padWidth, d);
      return { start: before, stop: before + n };
    });
    return [g.slice(...specs)];
  });
}

function padAfter(padWidth: PadWidth, d: number): number {
  if (typeof padWidth === 'number') return padWidth;
  if (typeof padWidth[0] === 'number') return (padWidth as readonly [number, number])[1];
  return (padWidth as readonly (readonly [number, number])[])[d]?.[1] ?? 0;
}

// ---------------------------------------------------------------- kink distances (for gradcheck)

/** Distance of the closest element to 0 (the kink of relu, leakyRelu, abs). */
function minAbs(x: NDArray): number {
  let m = Number.POSITIVE_INFINITY;
  for (const v of x.toTypedArray()) m = Math.min(m, Math.abs(v));
  return m;
}

/** Smallest gap between the largest and second largest element along axis (0 for a tie). */
function topTwoGap(x: NDArray, axis: number): number {
  const n = x.shape[axis] as number;
  if (n < 2) return Number.POSITIVE_INFINITY;
  const rows = np.moveaxis(x, axis, -1).toTypedArray();
  let gap = Number.POSITIVE_INFINITY;
  for (let base = 0; base < rows.length; base += n) {
    const row = Array.from(rows.subarray(base, base + n)).sort((p, q) => q - p);
    gap = Math.min(gap, (row[0] as number) - (row[1] as number));
  }
  return gap;
}
