import { AxisError, ShapeError } from './errors.ts';

/** The extent of each dimension of an array. */
export type Shape = readonly number[];

/** Number of elements of an array of this shape. */
export function sizeOf(shape: Shape): number {
  let n = 1;
  // an indexed loop: the engine's hot path runs cold in each sandbox, where for-of costs a call per element
  for (let i = 0; i < shape.length; i++) n *= shape[i] as number;
  return n;
}

/** A plain array copy of a shape or strides (an indexed loop for arrays, the iterator for anything else). */
export function copyDims(dims: Shape): number[] {
  if (!Array.isArray(dims)) return [...dims];
  const out: number[] = [];
  for (let i = 0; i < dims.length; i++) out.push(dims[i] as number);
  return out;
}

/** Whether two shapes are the same. */
export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Row-major (C order) strides, in elements. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d] as number;
  }
  return strides;
}

/** True when elements are laid out row-major without gaps (dims of size 1 may have any stride). */
export function isContiguous(shape: Shape, strides: Shape): boolean {
  let expected = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] as number;
    if (n === 0) return true;
    if (n !== 1 && strides[d] !== expected) return false;
    expected *= n;
  }
  return true;
}

/** NumPy's way of printing a shape: `(2,3)`, `(4,)`, `()`. */
export function formatShape(shape: Shape): string {
  return `(${shape.join(',')}${shape.length === 1 ? ',' : ''})`;
}

/** Validates a shape given by a user (non-negative integers) and returns a copy. */
export function checkShape(shape: number | Shape, op: string): number[] {
  const dims = typeof shape === 'number' ? [shape] : [...shape];
  for (const d of dims) {
    if (!Number.isInteger(d) || d < 0)
      throw new ShapeError(`${op}: shape ${formatShape(dims)} must contain non-negative integers, got ${d}`);
  }
  return dims;
}

/** Turns a possibly negative axis into 0..ndim-1, or throws an AxisError naming the axis and ndim. */
export function normalizeAxis(axis: number, ndim: number, op: string): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim)
    throw new AxisError(`${op}: axis ${axis} is out of bounds for array of dimension ${ndim}`);
  return axis < 0 ? axis + ndim : axis;
}

/** Normalizes `axis` (undefined means all axes) into sorted unique axes; a repeated axis is an error. */
export function normalizeAxes(
  axis: number | readonly number[] | undefined,
  ndim: number,
  op: string,
): number[] {
  if (axis === undefined) {
    const all: number[] = [];
    for (let i = 0; i < ndim; i++) all.push(i);
    return all;
  }
  const list = typeof axis === 'number' ? [axis] : axis;
  const axes = list.map((a) => normalizeAxis(a, ndim, op));
  const sorted = [...axes].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1])
      throw new AxisError(`${op}: repeated axis ${sorted[i]} in ${list.join(',')}`);
  }
  return sorted;
}

/**
 * The shape that all operands broadcast to (NumPy rules: align trailing dims; each pair must be
 * equal or one of them 1), or a ShapeError naming the operation and every shape.
 */
export function broadcastShapes(op: string, ...shapes: Shape[]): number[] {
  let ndim = 0;
  for (let s = 0; s < shapes.length; s++) ndim = Math.max(ndim, (shapes[s] as Shape).length);
  const out = new Array<number>(ndim).fill(1);
  for (let s = 0; s < shapes.length; s++) {
    const shape = shapes[s] as Shape;
    for (let i = 0; i < shape.length; i++) {
      const d = ndim - shape.length + i;
      const n = shape[i] as number;
      const cur = out[d] as number;
      if (n === cur || n === 1) continue;
      if (cur === 1) out[d] = n;
      else {
        const list = shapes.map(formatShape);
        const joined =
          list.length === 2
            ? `${list[0]} and ${list[1]}`
            : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
        throw new ShapeError(`${op}: operands could not be broadcast together with shapes ${joined}`);
      }
    }
  }
  return out;
}

/** The inverse of a permutation of axes. */
export function inversePermutation(perm: readonly number[]): number[] {
  const inv = new Array<number>(perm.length);
  perm.forEach((p, i) => {
    inv[p] = i;
  });
  return inv;
}
