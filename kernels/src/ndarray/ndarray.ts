/**
 * The NDArray: a typed-array storage seen through (shape, strides, offset). Views (reshape of a
 * contiguous array, transpose, slice, broadcastTo) share the storage; every op returns a new array
 * unless its name says it works in place (`set`, `fill`, `np.addAt`, `np.putAlongAxis`).
 *
 * The methods are the method forms of the `np` functions of the same name.
 */

import { astype, copy } from './creation.ts';
import { type DType, dtypeOf, type TypedArray } from './dtype.ts';
import {
  abs,
  add,
  clip,
  divide,
  equal,
  exp,
  greater,
  greaterEqual,
  less,
  lessEqual,
  log,
  log1p,
  maximum,
  minimum,
  multiply,
  negative,
  notEqual,
  power,
  sign,
  sqrt,
  square,
  subtract,
  tanh,
} from './elementwise.ts';
import { ShapeError } from './errors.ts';
import { formatArray } from './format.ts';
import { at, type Index, mask, type SliceSpec, setItem, slice, take } from './indexing.ts';
import { dot, matmul } from './linalg.ts';
import { expandDims, flatten, ravel, reshape, squeeze, swapaxes, transpose } from './manipulation.ts';
import { type NestedArray, type NestedInput, toNested } from './nested.ts';
import {
  type ArgOptions,
  type AxisOptions,
  argmax,
  argmin,
  cumsum,
  max,
  mean,
  min,
  std,
  sum,
  type VarOptions,
  variance,
} from './reductions.ts';
import { contiguousStrides, copyDims, formatShape, isContiguous, type Shape, sizeOf } from './shape.ts';
import { readContiguous } from './strided.ts';

/** Anything an `np` function accepts as an array: an NDArray, a JS number/boolean, nested arrays, a typed array. */
export type ArrayInput = NDArray | NestedInput | NumericTypedArray;

/** Typed arrays `np.array` accepts (Float64Array, Float32Array and Int32Array keep their dtype). */
export type NumericTypedArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray;

export class NDArray {
  /** The storage (shared between views); element i0,i1,... is data[offset + sum(ik * strides[k])]. */
  readonly data: TypedArray;
  /** The extent of each dimension. */
  readonly shape: readonly number[];
  /** Storage steps per dimension, in elements (may be 0 for broadcast dims, negative for reversed slices). */
  readonly strides: readonly number[];
  /** Index in `data` of the first element. */
  readonly offset: number;
  /** Element type, given by the storage: Float64Array, Float32Array, Int32Array, Uint8Array (bool). */
  readonly dtype: DType;
  /** Number of elements. */
  readonly size: number;

  /** Low level: wraps a storage. Use `np.array`, `np.zeros`, ... to create arrays. */
  constructor(data: TypedArray, shape: Shape, strides: Shape = contiguousStrides(shape), offset = 0) {
    if (strides.length !== shape.length)
      throw new ShapeError(`NDArray: ${strides.length} strides given for shape ${formatShape(shape)}`);
    this.data = data;
    this.dtype = dtypeOf(data);
    this.shape = Object.freeze(copyDims(shape));
    this.strides = Object.freeze(copyDims(strides));
    this.offset = offset;
    this.size = sizeOf(this.shape);
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /** The transpose (axes reversed), a view. */
  get T(): NDArray {
    return transpose(this);
  }

  /** True when the elements are row-major without gaps in the storage. */
  isContiguous(): boolean {
    return isContiguous(this.shape, this.strides);
  }

  // ---- conversion ----

  /** The elements as nested JS arrays (a plain number/boolean for a 0-d array). */
  toArray(): NestedArray {
    return toNested(readContiguous(this), this.shape, this.dtype === 'bool');
  }

  /** A row-major copy of the elements as a typed array of this dtype. */
  toTypedArray(): TypedArray {
    return readContiguous(this).slice();
  }

  /** The only element of a size-1 array, as a number (bool gives 0/1). */
  item(): number {
    if (this.size !== 1)
      throw new ShapeError(
        `item: can only convert an array of size 1 to a number, got shape ${formatShape(this.shape)} (size ${this.size})`,
      );
    return readContiguous(this)[0] as number;
  }

  /** The element at these integer indices (negative counts from the end), as a number. */
  at(...indices: number[]): number {
    return at(this, indices);
  }

  /** A contiguous copy with its own storage. */
  copy(): NDArray {
    return copy(this);
  }

  /** A copy converted to dtype (float to int32 truncates toward zero; to bool is `!== 0`). */
  astype(dtype: DType): NDArray {
    return astype(this, dtype);
  }

  /** NumPy-like text, summarised with `...` for more than 1000 elements. */
  toString(): string {
    return formatArray(this);
  }

  /** Node's console.log shows the NumPy-like text. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return formatArray(this);
  }

  // ---- shape ----

  /** Same data in a new shape (one entry may be -1); a view when the array is contiguous, else a copy. */
  reshape(shape: Shape): NDArray;
  reshape(...shape: number[]): NDArray;
  reshape(...args: [Shape] | number[]): NDArray {
    return reshape(this, typeof args[0] === 'number' || args.length === 0 ? (args as number[]) : args[0]);
  }

  /** Permutes the axes (reversed by default), a view. */
  transpose(axes?: readonly number[]): NDArray;
  transpose(...axes: number[]): NDArray;
  transpose(...args: [(readonly number[])?] | number[]): NDArray {
    const first = args[0];
    if (first === undefined) return transpose(this);
    return transpose(this, typeof first === 'number' ? (args as number[]) : first);
  }

  /** Exchanges two axes, a view. */
  swapaxes(axis1: number, axis2: number): NDArray {
    return swapaxes(this, axis1, axis2);
  }

  /** A 1-D copy. */
  flatten(): NDArray {
    return flatten(this);
  }

  /** 1-D, a view when contiguous. */
  ravel(): NDArray {
    return ravel(this);
  }

  /** Removes axes of length 1 (all, or those given). */
  squeeze(options: { axis?: number | number[] } = {}): NDArray {
    return squeeze(this, options);
  }

  /** Inserts a length-1 axis at `axis`. */
  expandDims(axis: number | number[]): NDArray {
    return expandDims(this, axis);
  }

  // ---- indexing ----

  /**
   * Basic indexing, a view sharing storage (NumPy's `x[...]` with ints, slices, None, ...):
   * each spec is an integer (removes the axis), a slice string `'1:3'`, `'::-1'`, `':'`,
   * an object `{ start, stop, step }`, `null` (new axis of length 1) or `'...'`.
   * `x.slice(0)` is `x[0]`, `x.slice(':', '1:3')` is `x[:, 1:3]`.
   */
  slice(...specs: SliceSpec[]): NDArray {
    return slice(this, specs);
  }

  /** Integer-array indexing, a copy (np.take): elements at `indices` along `axis` (flattened when omitted). */
  take(indices: ArrayInput, options: { axis?: number } = {}): NDArray {
    return take(this, indices, options);
  }

  /** Boolean-mask indexing, a copy (NumPy's `x[mask]`): the elements where mask is true, as 1-D (or rows). */
  mask(booleanMask: ArrayInput): NDArray {
    return mask(this, booleanMask);
  }

  /**
   * In place: writes `value` (broadcast) into the elements selected by `index` and returns this.
   * `index` is one slice spec (`x.set(0, v)`), a list of specs (`x.set([':', 1], v)` is `x[:, 1] = v`),
   * a bool mask array (`x[mask] = v`) or an integer array (rows along axis 0).
   */
  set(index: Index, value: ArrayInput): this {
    setItem(this, index, value);
    return this;
  }

  /** In place: sets every element to value. */
  fill(value: number | boolean): this {
    setItem(this, [], value);
    return this;
  }

  // ---- elementwise ----

  add(other: ArrayInput): NDArray {
    return add(this, other);
  }
  subtract(other: ArrayInput): NDArray {
    return subtract(this, other);
  }
  multiply(other: ArrayInput): NDArray {
    return multiply(this, other);
  }
  divide(other: ArrayInput): NDArray {
    return divide(this, other);
  }
  power(exponent: ArrayInput): NDArray {
    return power(this, exponent);
  }
  maximum(other: ArrayInput): NDArray {
    return maximum(this, other);
  }
  minimum(other: ArrayInput): NDArray {
    return minimum(this, other);
  }
  equal(other: ArrayInput): NDArray {
    return equal(this, other);
  }
  notEqual(other: ArrayInput): NDArray {
    return notEqual(this, other);
  }
  less(other: ArrayInput): NDArray {
    return less(this, other);
  }
  lessEqual(other: ArrayInput): NDArray {
    return lessEqual(this, other);
  }
  greater(other: ArrayInput): NDArray {
    return greater(this, other);
  }
  greaterEqual(other: ArrayInput): NDArray {
    return greaterEqual(this, other);
  }
  negative(): NDArray {
    return negative(this);
  }
  exp(): NDArray {
    return exp(this);
  }
  log(): NDArray {
    return log(this);
  }
  log1p(): NDArray {
    return log1p(this);
  }
  sqrt(): NDArray {
    return sqrt(this);
  }
  square(): NDArray {
    return square(this);
  }
  tanh(): NDArray {
    return tanh(this);
  }
  abs(): NDArray {
    return abs(this);
  }
  sign(): NDArray {
    return sign(this);
  }
  clip(min: ArrayInput | null, max: ArrayInput | null): NDArray {
    return clip(this, min, max);
  }

  // ---- reductions ----

  sum(options?: AxisOptions): NDArray {
    return sum(this, options);
  }
  mean(options?: AxisOptions): NDArray {
    return mean(this, options);
  }
  max(options?: AxisOptions): NDArray {
    return max(this, options);
  }
  min(options?: AxisOptions): NDArray {
    return min(this, options);
  }
  argmax(options?: ArgOptions): NDArray {
    return argmax(this, options);
  }
  argmin(options?: ArgOptions): NDArray {
    return argmin(this, options);
  }
  var(options?: VarOptions): NDArray {
    return variance(this, options);
  }
  std(options?: VarOptions): NDArray {
    return std(this, options);
  }
  cumsum(options?: { axis?: number }): NDArray {
    return cumsum(this, options);
  }

  // ---- linear algebra ----

  matmul(other: ArrayInput): NDArray {
    return matmul(this, other);
  }
  dot(other: ArrayInput): NDArray {
    return dot(this, other);
  }
}
