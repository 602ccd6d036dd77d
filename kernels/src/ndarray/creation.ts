/** Creating arrays: from JS values, filled, ranges, identity; copies and dtype conversion. */
import { allocate, castData, checkDType, type DType, type TypedArray } from './dtype.ts';
import { ArgumentError } from './errors.ts';
import { type ArrayInput, NDArray } from './ndarray.ts';
import { fromNested } from './nested.ts';
import { checkShape, type Shape } from './shape.ts';
import { copyContiguous } from './strided.ts';

/** Options of the creation functions. */
export interface DTypeOptions {
  dtype?: DType;
}

const TYPED_DTYPES: Record<string, DType> = {
  Float64Array: 'float64',
  Float32Array: 'float32',
  Int32Array: 'int32',
};

/**
 * The NDArray for any accepted input, without copying an NDArray that already has the dtype.
 * JS numbers are float64, booleans bool.
 */
export function asarray(value: ArrayInput, options: DTypeOptions = {}, op = 'asarray'): NDArray {
  const dtype = options.dtype === undefined ? undefined : checkDType(options.dtype, op);
  if (value instanceof NDArray)
    return dtype === undefined || dtype === value.dtype ? value : astype(value, dtype);
  if (ArrayBuffer.isView(value)) {
    const typed = value as unknown as ArrayLike<number>;
    const tag = (value as unknown as { [Symbol.toStringTag]: string })[Symbol.toStringTag];
    const target = dtype ?? TYPED_DTYPES[tag] ?? 'float64';
    return new NDArray(castData(typed, target), [typed.length]);
  }
  if (typeof value === 'number') return new NDArray(castData([value], dtype ?? 'float64'), []);
  if (typeof value === 'boolean') return new NDArray(castData([value ? 1 : 0], dtype ?? 'bool'), []);
  const nested = fromNested(value, op);
  const data = dtype === undefined || dtype === nested.dtype ? nested.data : castData(nested.data, dtype);
  return new NDArray(data, nested.shape);
}

/** A new array (always a copy) from nested JS arrays, a typed array, a scalar or an NDArray. */
export function array(value: ArrayInput, options: DTypeOptions = {}): NDArray {
  const x = asarray(value, options, 'array');
  return x === value ? copy(x) : x;
}

/** A contiguous copy of x with its own storage. */
export function copy(x: NDArray): NDArray {
  return new NDArray(copyContiguous(x), x.shape);
}

/** A copy of x converted to dtype (float to int32 truncates toward zero; to bool is `!== 0`). */
export function astype(x: NDArray, dtype: DType): NDArray {
  return new NDArray(copyContiguous(x, checkDType(dtype, 'astype')), x.shape);
}

function filled(shape: number | Shape, value: number, dtype: DType, op: string): NDArray {
  const dims = checkShape(shape, op);
  const data: TypedArray = allocate(
    checkDType(dtype, op),
    dims.reduce((a, b) => a * b, 1),
  );
  if (value !== 0) data.fill(dtype === 'bool' ? (value !== 0 ? 1 : 0) : value);
  return new NDArray(data, dims);
}

/** An array of zeros (float64 unless dtype says otherwise). */
export function zeros(shape: number | Shape, options: DTypeOptions = {}): NDArray {
  return filled(shape, 0, options.dtype ?? 'float64', 'zeros');
}

/** An array of ones. */
export function ones(shape: number | Shape, options: DTypeOptions = {}): NDArray {
  return filled(shape, 1, options.dtype ?? 'float64', 'ones');
}

/** An array filled with value (a boolean gives a bool array, a number float64). */
export function full(shape: number | Shape, value: number | boolean, options: DTypeOptions = {}): NDArray {
  const dtype = options.dtype ?? (typeof value === 'boolean' ? 'bool' : 'float64');
  return filled(shape, Number(value), dtype, 'full');
}

/** Zeros with the shape (and dtype, unless given) of x. */
export function zerosLike(x: NDArray, options: DTypeOptions = {}): NDArray {
  return filled(x.shape, 0, options.dtype ?? x.dtype, 'zerosLike');
}

/** Ones with the shape (and dtype, unless given) of x. */
export function onesLike(x: NDArray, options: DTypeOptions = {}): NDArray {
  return filled(x.shape, 1, options.dtype ?? x.dtype, 'onesLike');
}

/** value with the shape (and dtype, unless given) of x. */
export function fullLike(x: NDArray, value: number | boolean, options: DTypeOptions = {}): NDArray {
  return filled(x.shape, Number(value), options.dtype ?? x.dtype, 'fullLike');
}

/**
 * Evenly spaced values in [start, stop): `arange(5)` is 0..4, `arange(1, 7, 2)` is 1, 3, 5.
 * int32 when start, stop and step are all integers (as NumPy's integer arange), else float64.
 * Element i is start + i * step.
 */
export function arange(start: number, stop?: number, step = 1, options: DTypeOptions = {}): NDArray {
  const [lo, hi] = stop === undefined ? [0, start] : [start, stop];
  if (step === 0 || !Number.isFinite(step))
    throw new ArgumentError(`arange: step must be a non-zero number, got ${step}`);
  if (!Number.isFinite(lo) || !Number.isFinite(hi))
    throw new ArgumentError(`arange: start and stop must be finite numbers, got ${lo} and ${hi}`);
  const n = Math.max(0, Math.ceil((hi - lo) / step));
  const dtype =
    options.dtype ??
    (Number.isInteger(lo) && Number.isInteger(hi) && Number.isInteger(step) ? 'int32' : 'float64');
  const data = allocate(checkDType(dtype, 'arange'), n);
  for (let i = 0; i < n; i++) data[i] = lo + i * step;
  return new NDArray(data, [n]);
}

/** Options of linspace. */
export interface LinspaceOptions extends DTypeOptions {
  /** Include stop as the last sample (default true). */
  endpoint?: boolean;
}

/** num evenly spaced samples from start to stop (inclusive unless endpoint is false); num defaults to 50. */
export function linspace(start: number, stop: number, num = 50, options: LinspaceOptions = {}): NDArray {
  if (!Number.isInteger(num) || num < 0)
    throw new ArgumentError(`linspace: num must be a non-negative integer, got ${num}`);
  const endpoint = options.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  const step = div > 0 ? (stop - start) / div : 0;
  const data = allocate(checkDType(options.dtype ?? 'float64', 'linspace'), num);
  for (let i = 0; i < num; i++) data[i] = start + i * step;
  if (endpoint && num > 1) data[num - 1] = stop;
  return new NDArray(data, [num]);
}

/** Options of eye. */
export interface EyeOptions extends DTypeOptions {
  /** Diagonal offset: 0 the main diagonal, > 0 above it, < 0 below it. */
  k?: number;
}

/** The n x m (m defaults to n) matrix with ones on diagonal k. */
export function eye(n: number, m: number = n, options: EyeOptions = {}): NDArray {
  const k = options.k ?? 0;
  const out = filled([n, m], 0, options.dtype ?? 'float64', 'eye');
  for (let i = 0; i < n; i++) {
    const j = i + k;
    if (j >= 0 && j < m) out.data[i * m + j] = 1;
  }
  return out;
}
