/**
 * Indexing. Basic indexing (`slice`, `at`, `set` with slice specs) gives views that share storage,
 * like NumPy's `x[1:3, ::-1]`. Integer-array indexing (`take`, `takeAlongAxis`) and boolean masks
 * (`mask`) give copies. `set`, `putAlongAxis` and `addAt` write in place.
 */
import { asarray } from './creation.ts';
import type { TypedArray } from './dtype.ts';
import { DTypeError, IndexError, ShapeError } from './errors.ts';
import { type ArrayInput, NDArray } from './ndarray.ts';
import { broadcastShapes, formatShape, normalizeAxis, sizeOf } from './shape.ts';
import { assign, broadcastTo, elementOffsets, readContiguous } from './strided.ts';

/** A slice as an object: NumPy's start:stop:step (each optional, negative counts from the end). */
export interface SliceObject {
  start?: number | null;
  stop?: number | null;
  step?: number | null;
}

/**
 * One entry of a basic index: an integer (selects one position and removes the axis), a slice
 * string (`':'`, `'1:3'`, `'::-1'`, `'-2:'`), a SliceObject, `null` (NumPy's newaxis: inserts a
 * length-1 axis) or `'...'` (as many `':'` as needed).
 */
export type SliceSpec = number | string | null | SliceObject;

/** What `x.set(index, value)` accepts: one spec, a list of specs, a bool mask or an integer index array. */
export type Index = SliceSpec | readonly SliceSpec[] | NDArray;

/** NumPy's newaxis, for `x.slice(':', np.newaxis)`. */
export const newaxis = null;

type Parsed =
  | { kind: 'int'; index: number }
  | { kind: 'slice'; start: number | undefined; stop: number | undefined; step: number }
  | { kind: 'newaxis' }
  | { kind: 'ellipsis' };

const INTEGER = /^[+-]?\d+$/;

function parseSpec(spec: SliceSpec, op: string): Parsed {
  if (spec === null) return { kind: 'newaxis' };
  if (typeof spec === 'number') {
    if (!Number.isInteger(spec)) throw new IndexError(`${op}: indices must be integers, got ${spec}`);
    return { kind: 'int', index: spec };
  }
  if (typeof spec === 'object') {
    const step = spec.step ?? 1;
    for (const v of [spec.start, spec.stop, step]) {
      if (v !== null && v !== undefined && !Number.isInteger(v))
        throw new IndexError(`${op}: slice bounds and steps must be integers, got ${v}`);
    }
    if (step === 0) throw new IndexError(`${op}: slice step cannot be zero`);
    return { kind: 'slice', start: spec.start ?? undefined, stop: spec.stop ?? undefined, step };
  }
  const text = spec.trim();
  if (text === '...') return { kind: 'ellipsis' };
  if (INTEGER.test(text)) return { kind: 'int', index: Number(text) };
  const parts = text.split(':');
  if (
    parts.length >= 2 &&
    parts.length <= 3 &&
    parts.every((p) => p.trim() === '' || INTEGER.test(p.trim()))
  ) {
    const [start, stop, step] = parts.map((p) => (p.trim() === '' ? undefined : Number(p)));
    if (step === 0) throw new IndexError(`${op}: slice step cannot be zero in "${spec}"`);
    return { kind: 'slice', start, stop, step: step ?? 1 };
  }
  throw new IndexError(
    `${op}: cannot read the index "${spec}"; use an integer, "start:stop:step" (e.g. "1:3", "::-1", ":"), "..." or null`,
  );
}

/** NumPy's slice.indices: first index, length and step of start:stop:step over an axis of length n. */
export function sliceBounds(
  start: number | undefined,
  stop: number | undefined,
  step: number,
  n: number,
): { first: number; length: number } {
  if (step > 0) {
    const lo = start === undefined ? 0 : clamp(start < 0 ? start + n : start, 0, n);
    const hi = stop === undefined ? n : clamp(stop < 0 ? stop + n : stop, 0, n);
    return { first: lo, length: hi > lo ? Math.ceil((hi - lo) / step) : 0 };
  }
  const lo = start === undefined ? n - 1 : clamp(start < 0 ? start + n : start, -1, n - 1);
  const hi = stop === undefined ? -1 : clamp(stop < 0 ? stop + n : stop, -1, n - 1);
  return { first: lo, length: lo > hi ? Math.ceil((lo - hi) / -step) : 0 };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

/** An index into an axis of length n, negative counting from the end; out of bounds is an IndexError. */
function normalizeIndex(index: number, n: number, axis: number, op: string): number {
  const i = index < 0 ? index + n : index;
  if (!(i >= 0 && i < n))
    throw new IndexError(`${op}: index ${index} is out of bounds for axis ${axis} with size ${n}`);
  return i;
}

/** Basic indexing (see SliceSpec): a view of x sharing its storage. */
export function slice(x: NDArray, specs: readonly SliceSpec[], op = 'slice'): NDArray {
  const parsed = specs.map((s) => parseSpec(s, op));
  const ellipses = parsed.filter((p) => p.kind === 'ellipsis').length;
  if (ellipses > 1) throw new IndexError(`${op}: an index can only have a single ellipsis ('...')`);
  const consumed = parsed.filter((p) => p.kind === 'int' || p.kind === 'slice').length;
  if (consumed > x.ndim)
    throw new IndexError(
      `${op}: too many indices for array: array is ${x.ndim}-dimensional, but ${consumed} were indexed`,
    );
  const full: Parsed = { kind: 'slice', start: undefined, stop: undefined, step: 1 };
  const fill = new Array<Parsed>(x.ndim - consumed).fill(full);
  const at = parsed.findIndex((p) => p.kind === 'ellipsis');
  const expanded =
    at >= 0 ? [...parsed.slice(0, at), ...fill, ...parsed.slice(at + 1)] : [...parsed, ...fill];
  const shape: number[] = [];
  const strides: number[] = [];
  let offset = x.offset;
  let axis = 0;
  for (const p of expanded) {
    if (p.kind === 'newaxis') {
      shape.push(1);
      strides.push(0);
      continue;
    }
    if (p.kind === 'ellipsis') continue;
    const n = x.shape[axis] as number;
    const stride = x.strides[axis] as number;
    if (p.kind === 'int') offset += normalizeIndex(p.index, n, axis, op) * stride;
    else {
      const { first, length } = sliceBounds(p.start, p.stop, p.step, n);
      if (length > 0) offset += first * stride;
      shape.push(length);
      strides.push(stride * p.step);
    }
    axis++;
  }
  return new NDArray(x.data, shape, strides, offset);
}

/** The element at integer indices (one per axis, negative counts from the end). */
export function at(x: NDArray, indices: readonly number[]): number {
  if (indices.length !== x.ndim)
    throw new IndexError(
      `at: an array of ${x.ndim} dimensions needs ${x.ndim} indices, got ${indices.length}`,
    );
  let offset = x.offset;
  indices.forEach((index, axis) => {
    if (!Number.isInteger(index)) throw new IndexError(`at: indices must be integers, got ${index}`);
    offset += normalizeIndex(index, x.shape[axis] as number, axis, 'at') * (x.strides[axis] as number);
  });
  return x.data[offset] as number;
}

/** Reads an index array: integer values (any numeric dtype), not bool. */
function indexArray(value: ArrayInput, op: string): NDArray {
  const idx = asarray(value, {}, op);
  if (idx.dtype === 'bool')
    throw new IndexError(
      `${op}: got a bool array as indices; use x.mask(condition) to select with a boolean mask`,
    );
  if (idx.dtype !== 'int32') {
    const values = readContiguous(idx);
    for (let i = 0; i < values.length; i++) {
      if (!Number.isInteger(values[i]))
        throw new IndexError(`${op}: indices must be integers, got ${values[i]}`);
    }
  }
  return idx;
}

/**
 * Integer-array indexing along one axis, a copy (np.take): the result has shape
 * x.shape[:axis] + indices.shape + x.shape[axis+1:]. Without axis, x is flattened first.
 */
export function take(a: ArrayInput, indices: ArrayInput, options: { axis?: number } = {}): NDArray {
  let x = asarray(a, {}, 'take');
  if (options.axis === undefined) x = new NDArray(readContiguous(x), [x.size]);
  const axis = normalizeAxis(options.axis ?? 0, x.ndim, 'take');
  const idx = indexArray(indices, 'take');
  const positions = readContiguous(idx);
  const n = x.shape[axis] as number;
  const outer = sizeOf(x.shape.slice(0, axis));
  const inner = sizeOf(x.shape.slice(axis + 1));
  const k = positions.length;
  const rows = new Int32Array(k);
  for (let j = 0; j < k; j++) rows[j] = normalizeIndex(positions[j] as number, n, axis, 'take');
  const src = readContiguous(x);
  const out = newLike(src, outer * k * inner);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < k; j++) {
      const from = (o * n + (rows[j] as number)) * inner;
      out.set(src.subarray(from, from + inner), (o * k + j) * inner);
    }
  }
  return new NDArray(out, [...x.shape.slice(0, axis), ...idx.shape, ...x.shape.slice(axis + 1)]);
}

function newLike(data: TypedArray, length: number): TypedArray {
  const Ctor = data.constructor as new (n: number) => TypedArray;
  return new Ctor(length);
}

/** Checks a boolean mask against the leading dims of x and returns the selected flat positions. */
function maskPositions(x: NDArray, m: NDArray, op: string): { positions: number[]; inner: number } {
  if (m.dtype !== 'bool')
    throw new DTypeError(`${op}: the mask must be a bool array (e.g. x.greater(0)), got dtype ${m.dtype}`);
  if (m.ndim > x.ndim || m.shape.some((n, d) => n !== x.shape[d]))
    throw new IndexError(
      `${op}: boolean mask of shape ${formatShape(m.shape)} does not match the array of shape ${formatShape(x.shape)}`,
    );
  const flags = readContiguous(m);
  const positions: number[] = [];
  for (let i = 0; i < flags.length; i++) if (flags[i]) positions.push(i);
  return { positions, inner: sizeOf(x.shape.slice(m.ndim)) };
}

/**
 * Boolean-mask indexing, a copy (NumPy's `x[mask]`): mask has x's shape (result 1-D) or the
 * shape of x's leading dims (result: the selected rows).
 */
export function mask(a: ArrayInput, booleanMask: ArrayInput): NDArray {
  const x = asarray(a, {}, 'mask');
  const m = asarray(booleanMask, {}, 'mask');
  const { positions, inner } = maskPositions(x, m, 'mask');
  const src = readContiguous(x);
  const out = newLike(src, positions.length * inner);
  positions.forEach((p, k) => {
    out.set(src.subarray(p * inner, (p + 1) * inner), k * inner);
  });
  return new NDArray(out, [positions.length, ...x.shape.slice(m.ndim)]);
}

/** In place: x[index] = value (see Index). */
export function setItem(x: NDArray, index: Index, value: ArrayInput): void {
  if (index instanceof NDArray) {
    if (index.dtype === 'bool') {
      const { positions, inner } = maskPositions(x, index, 'set');
      writeMasked(x, index.ndim, positions, inner, value);
      return;
    }
    if (x.ndim === 0)
      throw new IndexError('set: a 0-dimensional array cannot be indexed with an integer array');
    const idx = indexArray(index, 'set');
    const raw = readContiguous(idx);
    const n = x.shape[0] as number;
    const rows = Array.from(raw, (r) => normalizeIndex(r, n, 0, 'set'));
    const inner = sizeOf(x.shape.slice(1));
    const values = readContiguous(
      broadcastTo(asarray(value, {}, 'set'), [...idx.shape, ...x.shape.slice(1)], 'set'),
      x.dtype,
    );
    const offsets = elementOffsets(x);
    rows.forEach((r, k) => {
      for (let j = 0; j < inner; j++)
        x.data[offsets[r * inner + j] as number] = values[k * inner + j] as number;
    });
    return;
  }
  const specs = Array.isArray(index) ? (index as readonly SliceSpec[]) : [index as SliceSpec];
  assign(slice(x, specs, 'set'), asarray(value, {}, 'set'), 'set');
}

function writeMasked(
  x: NDArray,
  maskDims: number,
  positions: number[],
  inner: number,
  value: ArrayInput,
): void {
  const shape = [positions.length, ...x.shape.slice(maskDims)];
  const values = readContiguous(broadcastTo(asarray(value, {}, 'set'), shape, 'set'), x.dtype);
  const offsets = elementOffsets(x);
  positions.forEach((p, k) => {
    for (let j = 0; j < inner; j++)
      x.data[offsets[p * inner + j] as number] = values[k * inner + j] as number;
  });
}

/** Shared set-up of take/putAlongAxis: broadcast shape, index values and base storage offsets. */
function alongAxis(x: NDArray, indices: ArrayInput, axis: number, op: string) {
  const idx = indexArray(indices, op);
  if (idx.ndim !== x.ndim)
    throw new ShapeError(
      `${op}: indices must have as many dimensions as the array (${x.ndim}), got shape ${formatShape(idx.shape)}`,
    );
  const ax = normalizeAxis(axis, x.ndim, op);
  const common = broadcastShapes(
    op,
    x.shape.map((n, d) => (d === ax ? 1 : n)),
    idx.shape.map((n, d) => (d === ax ? 1 : n)),
  );
  const shape = common.map((n, d) => (d === ax ? (idx.shape[d] as number) : n));
  const n = x.shape[ax] as number;
  const stride = x.strides[ax] as number;
  const base = broadcastTo(
    new NDArray(
      x.data,
      x.shape.map((s, d) => (d === ax ? 1 : s)),
      x.strides.map((s, d) => (d === ax ? 0 : s)),
      x.offset,
    ),
    shape,
    op,
  );
  const offsets = elementOffsets(base);
  const raw = readContiguous(broadcastTo(idx, shape, op));
  for (let i = 0; i < offsets.length; i++)
    offsets[i] = (offsets[i] as number) + normalizeIndex(raw[i] as number, n, ax, op) * stride;
  return { shape, offsets };
}

/** out[..., j, ...] = x[..., indices[..., j, ...], ...] along axis (np.take_along_axis); e.g. gathers per-row labels. */
export function takeAlongAxis(a: ArrayInput, indices: ArrayInput, axis: number): NDArray {
  const x = asarray(a, {}, 'takeAlongAxis');
  const { shape, offsets } = alongAxis(x, indices, axis, 'takeAlongAxis');
  const out = newLike(x.data, offsets.length);
  for (let i = 0; i < offsets.length; i++) out[i] = x.data[offsets[i] as number] as number;
  return new NDArray(out, shape);
}

/** In place: x[..., indices[..., j, ...], ...] = values along axis (np.put_along_axis). */
export function putAlongAxis(x: NDArray, indices: ArrayInput, values: ArrayInput, axis: number): void {
  const { shape, offsets } = alongAxis(x, indices, axis, 'putAlongAxis');
  const v = readContiguous(broadcastTo(asarray(values, {}, 'putAlongAxis'), shape, 'putAlongAxis'), x.dtype);
  for (let i = 0; i < offsets.length; i++) x.data[offsets[i] as number] = v[i] as number;
}

/**
 * In place, unbuffered x[indices] += values (NumPy's np.add.at): repeated indices accumulate,
 * in order. `indices` is one integer index array (positions along axis 0), or a list of index
 * arrays (NDArrays or JS arrays), one per leading axis, broadcast together:
 * `np.addAt(grad, labels, 1)`, `np.addAt(grad, [rows, cols], 1)`.
 */
export function addAt(x: NDArray, indices: ArrayInput | readonly ArrayInput[], values: ArrayInput): void {
  const isTuple =
    Array.isArray(indices) &&
    indices.length > 0 &&
    indices.every((i) => i instanceof NDArray || Array.isArray(i));
  const list = isTuple ? (indices as readonly ArrayInput[]) : [indices as ArrayInput];
  if (list.length > x.ndim)
    throw new IndexError(
      `addAt: too many index arrays (${list.length}) for an array of ${x.ndim} dimensions`,
    );
  const idxs = list.map((i) => indexArray(i, 'addAt'));
  const shape = broadcastShapes('addAt', ...idxs.map((i) => i.shape));
  const positions = idxs.map((i) => readContiguous(broadcastTo(i, shape, 'addAt')));
  const k = idxs.length;
  const rest = new NDArray(x.data, x.shape.slice(k), x.strides.slice(k), 0);
  const inner = elementOffsets(rest);
  const count = sizeOf(shape);
  const v = readContiguous(
    broadcastTo(asarray(values, {}, 'addAt'), [...shape, ...rest.shape], 'addAt'),
    'float64',
  );
  const data = x.data;
  const isBool = x.dtype === 'bool';
  for (let p = 0; p < count; p++) {
    let base = x.offset;
    for (let a = 0; a < k; a++) {
      const n = x.shape[a] as number;
      base +=
        normalizeIndex((positions[a] as TypedArray)[p] as number, n, a, 'addAt') * (x.strides[a] as number);
    }
    for (let j = 0; j < inner.length; j++) {
      const o = base + (inner[j] as number);
      const sum = (data[o] as number) + (v[p * inner.length + j] as number);
      data[o] = isBool ? (sum !== 0 ? 1 : 0) : sum;
    }
  }
}
