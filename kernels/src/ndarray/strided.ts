/**
 * Walking strided views: the one place that turns (shape, strides, offset) into storage offsets.
 * Everything else works on contiguous row-major typed arrays.
 */
import { allocate, castData, type DType, type TypedArray } from './dtype.ts';
import { ShapeError } from './errors.ts';
import { NDArray } from './ndarray.ts';
import { formatShape, type Shape } from './shape.ts';

/**
 * The same walk with fewer dimensions: size-1 dimensions dropped, and each dimension merged into
 * the one before it when together they step evenly (a contiguous run, or a broadcast run of
 * stride 0). A [50, 8, 1] view with strides [512, 64, 0] walks as 400 elements of stride 64: one
 * loop instead of 400 trips through the index update.
 */
function collapsed(x: NDArray): { shape: number[]; strides: number[] } {
  const shape: number[] = [];
  const strides: number[] = [];
  for (let d = 0; d < x.ndim; d++) {
    const size = x.shape[d] as number;
    const stride = x.strides[d] as number;
    if (size === 1) continue;
    const last = shape.length - 1;
    if (last >= 0 && strides[last] === stride * size) {
      shape[last] = (shape[last] as number) * size;
      strides[last] = stride;
    } else {
      shape.push(size);
      strides.push(stride);
    }
  }
  if (shape.length === 0) {
    shape.push(1);
    strides.push(0);
  }
  return { shape, strides };
}

/** Storage offset of every element of x, in row-major order of x's indices. */
export function elementOffsets(x: NDArray): Int32Array {
  const n = x.size;
  const out = new Int32Array(n);
  if (n === 0) return out;
  const { shape, strides } = collapsed(x);
  const nd = shape.length;
  const inner = shape[nd - 1] as number;
  const innerStride = strides[nd - 1] as number;
  const index = new Array<number>(nd).fill(0);
  let base = x.offset;
  let o = 0;
  while (o < n) {
    for (let j = 0; j < inner; j++) out[o++] = base + j * innerStride;
    for (let d = nd - 2; d >= 0; d--) {
      const stride = strides[d] as number;
      index[d] = (index[d] as number) + 1;
      base += stride;
      if ((index[d] as number) < (shape[d] as number)) break;
      base -= stride * (shape[d] as number);
      index[d] = 0;
    }
  }
  return out;
}

/**
 * Copies x's elements in row-major order into `out`, walking the strides (the same walk as
 * elementOffsets, without allocating the offsets: this runs on every broadcast and transpose).
 * With `scatter`, the other way: `out`'s values, in row-major order, are written into the view x.
 */
function stridedCopy(x: NDArray, out: TypedArray, scatter = false): void {
  const { shape, strides } = collapsed(x);
  if (shape.length <= 3) {
    // most views collapse to three dimensions or fewer (a pooling window, a transpose, a
    // broadcast bias): plain nested loops, which the JIT compiles far better than the general walk
    const pad = 3 - shape.length;
    const size = (d: number) => (d < pad ? 1 : (shape[d - pad] as number));
    const stride = (d: number) => (d < pad ? 0 : (strides[d - pad] as number));
    const data = x.data;
    if (data instanceof Float64Array && out instanceof Float64Array)
      walk3Float64(data, x.offset, out, scatter, size(0), size(1), size(2), stride(0), stride(1), stride(2));
    else walk3(data, x.offset, out, scatter, size(0), size(1), size(2), stride(0), stride(1), stride(2));
    return;
  }
  const n = x.size;
  const { data } = x;
  const nd = shape.length;
  const inner = shape[nd - 1] as number;
  const innerStride = strides[nd - 1] as number;
  const index = new Array<number>(nd).fill(0);
  let base = x.offset;
  let o = 0;
  while (o < n) {
    if (scatter) for (let j = 0, at = base; j < inner; j++, at += innerStride) data[at] = out[o++] as number;
    else for (let j = 0, at = base; j < inner; j++, at += innerStride) out[o++] = data[at] as number;
    for (let d = nd - 2; d >= 0; d--) {
      const stride = strides[d] as number;
      index[d] = (index[d] as number) + 1;
      base += stride;
      if ((index[d] as number) < (shape[d] as number)) break;
      base -= stride * (shape[d] as number);
      index[d] = 0;
    }
  }
}

/** stridedCopy of a walk of at most three dimensions (n0, n1, n2) with strides (s0, s1, s2). */
function walk3(
  data: TypedArray,
  offset: number,
  out: TypedArray,
  scatter: boolean,
  n0: number,
  n1: number,
  n2: number,
  s0: number,
  s1: number,
  s2: number,
): void {
  let o = 0;
  for (let i = 0, a = offset; i < n0; i++, a += s0) {
    for (let j = 0, b = a; j < n1; j++, b += s1) {
      if (scatter) for (let k = 0, at = b; k < n2; k++, at += s2) data[at] = out[o++] as number;
      else if (s2 === 0) {
        const value = data[b] as number;
        for (let k = 0; k < n2; k++) out[o++] = value;
      } else for (let k = 0, at = b; k < n2; k++, at += s2) out[o++] = data[at] as number;
    }
  }
}

/**
 * walk3 again, for float64 to float64 alone (most of a training step's copies): a function of
 * its own keeps its element accesses monomorphic. Shared with the other dtypes, they were
 * polymorphic and this walk took a third of a CNN step in Chromium.
 */
function walk3Float64(
  data: Float64Array,
  offset: number,
  out: Float64Array,
  scatter: boolean,
  n0: number,
  n1: number,
  n2: number,
  s0: number,
  s1: number,
  s2: number,
): void {
  let o = 0;
  for (let i = 0, a = offset; i < n0; i++, a += s0) {
    for (let j = 0, b = a; j < n1; j++, b += s1) {
      if (scatter) for (let k = 0, at = b; k < n2; k++, at += s2) data[at] = out[o++] as number;
      else if (s2 === 0) {
        const value = data[b] as number;
        for (let k = 0; k < n2; k++) out[o++] = value;
      } else for (let k = 0, at = b; k < n2; k++, at += s2) out[o++] = data[at] as number;
    }
  }
}

/** A fresh row-major copy of x's elements converted to `dtype`. */
export function copyContiguous(x: NDArray, dtype: DType = x.dtype): TypedArray {
  if (dtype === 'bool' && x.dtype !== 'bool') return castData(copyContiguous(x), 'bool');
  const out = allocate(dtype, x.size, false); // every element is written below
  if (x.isContiguous()) out.set(x.data.subarray(x.offset, x.offset + x.size));
  else if (x.strides.every((stride) => stride === 0)) out.fill(x.data[x.offset] as number);
  else stridedCopy(x, out);
  return out;
}

/**
 * x's elements in row-major order as `dtype`, without copying when x already is laid out that
 * way (then the result shares x's storage: read it, never write it).
 */
export function readContiguous(x: NDArray, dtype: DType = x.dtype): TypedArray {
  if (dtype === x.dtype && x.isContiguous()) {
    if (x.offset === 0 && x.data.length === x.size) return x.data;
    return x.data.subarray(x.offset, x.offset + x.size);
  }
  return copyContiguous(x, dtype);
}

/** A view of x broadcast to `shape` (stride 0 along repeated dims); it shares x's storage. */
export function broadcastTo(x: NDArray, shape: Shape, op = 'broadcastTo'): NDArray {
  const nd = shape.length;
  const lead = nd - x.ndim;
  const fail = () =>
    new ShapeError(
      `${op}: cannot broadcast an array of shape ${formatShape(x.shape)} to shape ${formatShape(shape)}`,
    );
  if (lead < 0) throw fail();
  const strides = new Array<number>(nd).fill(0);
  for (let d = 0; d < x.ndim; d++) {
    const n = x.shape[d] as number;
    const target = shape[lead + d] as number;
    if (n === target) strides[lead + d] = x.strides[d] as number;
    else if (n !== 1) throw fail();
  }
  return new NDArray(x.data, shape, strides, x.offset);
}

/** Writes src, broadcast to dst's shape and converted to dst's dtype, into the view dst. */
export function assign(dst: NDArray, src: NDArray, op = 'set'): void {
  const source = broadcastTo(src, dst.shape, op);
  const values =
    src.data === dst.data ? copyContiguous(source, dst.dtype) : readContiguous(source, dst.dtype);
  if (dst.isContiguous()) {
    dst.data.set(values, dst.offset);
    return;
  }
  // a view with a repeated element (stride 0) gets the last value written there, as before
  stridedCopy(dst, values, true);
}
