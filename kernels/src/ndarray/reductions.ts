/**
 * Reductions along axes. The summation order is fixed: ascending index along the reduced axes,
 * row-major when several axes are reduced; work is done on the backend's `reduce` kernel in
 * float64 (float32 arrays in float32 storage). Int/bool sums give int32, means float64.
 */
import type { FloatArray, FloatDType } from '../backend/kernel-types.ts';
import { asarray } from './creation.ts';
import { kernel } from './dispatch.ts';
import { allocate, castData, type DType, floatType, isFloat } from './dtype.ts';
import { divide, multiply, sqrt, subtract } from './elementwise.ts';
import { ArgumentError } from './errors.ts';
import { transpose } from './manipulation.ts';
import { type ArrayInput, NDArray } from './ndarray.ts';
import { inversePermutation, normalizeAxes, normalizeAxis, sizeOf } from './shape.ts';
import { copyContiguous, readContiguous } from './strided.ts';

/** Options of the reductions: `axis` (negative counts from the end; omitted = all axes) and `keepdims`. */
export interface AxisOptions {
  axis?: number | number[];
  /** Keep the reduced axes as length-1 dims, so the result broadcasts against the input. */
  keepdims?: boolean;
}

/** Options of var/std: `ddof` is subtracted from the count in the divisor (0: population, 1: sample). */
export interface VarOptions extends AxisOptions {
  ddof?: number;
}

/** Options of argmax/argmin: one axis (omitted = index into the flattened array). */
export interface ArgOptions {
  axis?: number;
  keepdims?: boolean;
}

interface Reduced {
  values: FloatArray;
  shape: number[];
  count: number;
}

/** Runs the reduce kernel over `axes` (sorted, unique), returning values and the output shape. */
function reduceAxes(
  name: string,
  x: NDArray,
  op: 'sum' | 'max' | 'min',
  axes: number[],
  dtype: FloatDType,
  keepdims: boolean,
): Reduced {
  const shape = x.shape;
  // indexed loops, no closures: reductions run cold in each sandbox
  const kept: number[] = [];
  const outShape: number[] = [];
  let count = 1;
  for (let d = 0; d < shape.length; d++) {
    const n = shape[d] as number;
    if (axes.includes(d)) {
      count *= n;
      if (keepdims) outShape.push(1);
    } else {
      kept.push(d);
      outShape.push(n);
    }
  }
  let outer: number;
  let inner: number;
  let src: FloatArray;
  const first = axes[0];
  const last = axes.at(-1);
  if (first === undefined || last === undefined) {
    src = readContiguous(x, dtype) as FloatArray;
    outer = x.size;
    inner = 1;
  } else if (last - first === axes.length - 1) {
    src = readContiguous(x, dtype) as FloatArray;
    outer = sizeOf(shape.slice(0, first));
    inner = sizeOf(shape.slice(last + 1));
  } else {
    src = readContiguous(transpose(x, [...kept, ...axes]), dtype) as FloatArray;
    outer = sizeOf(kept.map((d) => shape[d] as number));
    inner = 1;
  }
  if (op !== 'sum' && count === 0 && outer * inner > 0)
    throw new ArgumentError(`${name}: zero-size array to reduction operation ${name} which has no identity`);
  const values = allocate(dtype, outer * inner) as FloatArray;
  kernel('reduce', dtype)({ op, x: src, out: values, outer, size: count, inner });
  return { values, shape: outShape, count };
}

function reduction(
  name: string,
  op: 'sum' | 'max' | 'min',
  a: ArrayInput,
  options: AxisOptions,
  outDtype: (d: DType) => DType,
): NDArray {
  const x = asarray(a, {}, name);
  const axes = normalizeAxes(options.axis, x.ndim, name);
  const compute = floatType(x.dtype);
  const { values, shape } = reduceAxes(name, x, op, axes, compute, options.keepdims ?? false);
  const dtype = outDtype(x.dtype);
  return new NDArray(dtype === compute ? values : castData(values, dtype), shape);
}

/** Sum over axes (all by default); int and bool arrays give int32. */
export function sum(x: ArrayInput, options: AxisOptions = {}): NDArray {
  return reduction('sum', 'sum', x, options, (d) => (isFloat(d) ? d : 'int32'));
}

/** Largest element over axes; NaN wins; an empty axis is an error. */
export function max(x: ArrayInput, options: AxisOptions = {}): NDArray {
  return reduction('max', 'max', x, options, (d) => d);
}

/** Smallest element over axes; NaN wins; an empty axis is an error. */
export function min(x: ArrayInput, options: AxisOptions = {}): NDArray {
  return reduction('min', 'min', x, options, (d) => d);
}

/** Arithmetic mean over axes (sum in fixed order, then divided by the count); int/bool give float64. */
export function mean(a: ArrayInput, options: AxisOptions = {}): NDArray {
  const x = asarray(a, {}, 'mean');
  const axes = normalizeAxes(options.axis, x.ndim, 'mean');
  const { values, shape, count } = reduceAxes(
    'mean',
    x,
    'sum',
    axes,
    floatType(x.dtype),
    options.keepdims ?? false,
  );
  for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) / count;
  return new NDArray(values, shape);
}

/** Variance over axes: mean of squared deviations from the mean, divided by (count - ddof). */
export function variance(a: ArrayInput, options: VarOptions = {}): NDArray {
  const x = asarray(a, {}, 'var');
  const axes = normalizeAxes(options.axis, x.ndim, 'var');
  const xf = x.astype(floatType(x.dtype));
  const centred = subtract(xf, mean(xf, { axis: axes, keepdims: true }));
  const squares = multiply(centred, centred);
  const { values, shape, count } = reduceAxes(
    'var',
    squares,
    'sum',
    axes,
    floatType(x.dtype),
    options.keepdims ?? false,
  );
  const divisor = count - (options.ddof ?? 0);
  return divide(new NDArray(values, shape), divisor);
}

/** Standard deviation: sqrt(var(x, options)). */
export function std(x: ArrayInput, options: VarOptions = {}): NDArray {
  return sqrt(variance(x, options));
}

/** x with `axis` moved last, read contiguous as float64, as (rows, n). */
function rowsAlong(x: NDArray, axis: number): { values: ArrayLike<number>; n: number; perm: number[] } {
  const perm = x.shape.map((_, d) => d).filter((d) => d !== axis);
  perm.push(axis);
  return { values: readContiguous(transpose(x, perm), floatType(x.dtype)), n: x.shape[axis] as number, perm };
}

function argReduce(name: 'argmax' | 'argmin', a: ArrayInput, options: ArgOptions): NDArray {
  const x = asarray(a, {}, name);
  let values: ArrayLike<number>;
  let n: number;
  let shape: number[];
  if (options.axis === undefined) {
    values = readContiguous(x, floatType(x.dtype));
    n = x.size;
    shape = options.keepdims ? x.shape.map(() => 1) : [];
  } else {
    const axis = normalizeAxis(options.axis, x.ndim, name);
    ({ values, n } = rowsAlong(x, axis));
    shape = options.keepdims
      ? x.shape.map((d, i) => (i === axis ? 1 : d))
      : x.shape.filter((_, i) => i !== axis);
  }
  if (n === 0) throw new ArgumentError(`${name}: attempt to get ${name} of an empty sequence`);
  const rows = values.length / n;
  const out = new Int32Array(rows);
  argRows(values, n, out, name === 'argmax');
  return new NDArray(out, shape);
}

/**
 * The index of each row's largest (or smallest) value, rows of n values; the first on ties, the
 * first NaN wins. One loop with the comparison inline: no function call per element.
 */
function argRows(values: ArrayLike<number>, n: number, out: Int32Array, largest: boolean): void {
  for (let r = 0, base = 0; r < out.length; r++, base += n) {
    let best = values[base] as number;
    let at = 0;
    for (let j = 1; j < n && !Number.isNaN(best); j++) {
      const v = values[base + j] as number;
      if ((largest ? v > best : v < best) || Number.isNaN(v)) {
        best = v;
        at = j;
      }
    }
    out[r] = at;
  }
}

/** Index (int32) of the largest element along axis (of the flattened array by default); first one on ties, first NaN wins. */
export function argmax(x: ArrayInput, options: ArgOptions = {}): NDArray {
  return argReduce('argmax', x, options);
}

/** Index (int32) of the smallest element along axis (of the flattened array by default). */
export function argmin(x: ArrayInput, options: ArgOptions = {}): NDArray {
  return argReduce('argmin', x, options);
}

/** Running sum along axis (of the flattened array by default); int/bool give int32. */
export function cumsum(a: ArrayInput, options: { axis?: number } = {}): NDArray {
  const x = asarray(a, {}, 'cumsum');
  const dtype: DType = isFloat(x.dtype) ? x.dtype : 'int32';
  if (options.axis === undefined) return cumsum(new NDArray(copyContiguous(x), [x.size]), { axis: 0 });
  const axis = normalizeAxis(options.axis, x.ndim, 'cumsum');
  const { values, n, perm } = rowsAlong(x, axis);
  const out = allocate(dtype, values.length);
  for (let base = 0; base < values.length; base += n) {
    let acc = 0;
    for (let j = 0; j < n; j++) {
      acc += values[base + j] as number;
      out[base + j] = acc;
    }
  }
  const permuted = new NDArray(
    out,
    perm.map((d) => x.shape[d] as number),
  );
  return transpose(permuted, inversePermutation(perm)).copy();
}
