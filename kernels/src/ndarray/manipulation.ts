/** Shape manipulation: reshape, transpose, squeeze, joining and splitting, pad, tile, repeat. */
import { asarray } from './creation.ts';
import { allocate, promoteTypes } from './dtype.ts';
import { ArgumentError, AxisError, ShapeError } from './errors.ts';
import { type SliceSpec, slice, take } from './indexing.ts';
import { type ArrayInput, NDArray } from './ndarray.ts';
import { copyDims, formatShape, normalizeAxes, normalizeAxis, type Shape, sizeOf } from './shape.ts';
import { assign, broadcastTo as broadcastView, copyContiguous } from './strided.ts';

/**
 * x with a new shape of the same size; one entry may be -1 (inferred). A view sharing storage
 * when x is contiguous, otherwise a copy.
 */
export function reshape(a: ArrayInput, shape: number | Shape): NDArray {
  const x = asarray(a, {}, 'reshape');
  const dims = typeof shape === 'number' ? [shape] : copyDims(shape);
  const unknown = dims.indexOf(-1);
  let known = 1;
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i] as number;
    if (!Number.isInteger(d) || d < -1 || (d === -1 && i !== unknown))
      throw new ShapeError(
        `reshape: invalid shape ${formatShape(dims)}: use non-negative integers and at most one -1`,
      );
    if (d !== -1) known *= d;
  }
  if (unknown >= 0) {
    if (known === 0 || x.size % known !== 0)
      throw new ShapeError(`reshape: cannot reshape array of size ${x.size} into shape ${formatShape(dims)}`);
    dims[unknown] = x.size / known;
  }
  if (sizeOf(dims) !== x.size)
    throw new ShapeError(`reshape: cannot reshape array of size ${x.size} into shape ${formatShape(dims)}`);
  if (x.isContiguous()) return new NDArray(x.data, dims, undefined, x.offset);
  return new NDArray(copyContiguous(x), dims);
}

/** x as 1-D: a view when contiguous, else a copy. */
export function ravel(x: ArrayInput): NDArray {
  return reshape(x, [-1]);
}

/** x as 1-D, always a copy. */
export function flatten(a: ArrayInput): NDArray {
  const x = asarray(a, {}, 'flatten');
  return new NDArray(copyContiguous(x), [x.size]);
}

/** Permutes the axes (reverses them by default): result axis i is x's axis axes[i]. A view. */
export function transpose(a: ArrayInput, axes?: readonly number[]): NDArray {
  const x = asarray(a, {}, 'transpose');
  const nd = x.ndim;
  if (axes === undefined) {
    // the axes reversed (always a permutation)
    const shape: number[] = [];
    const strides: number[] = [];
    for (let i = nd - 1; i >= 0; i--) {
      shape.push(x.shape[i] as number);
      strides.push(x.strides[i] as number);
    }
    return new NDArray(x.data, shape, strides, x.offset);
  }
  const perm = axes.map((p) => normalizeAxis(p, nd, 'transpose'));
  if (perm.length !== nd || new Set(perm).size !== nd)
    throw new AxisError(
      `transpose: axes [${axes?.join(', ')}] are not a permutation of the ${nd} axes of the array`,
    );
  return new NDArray(
    x.data,
    perm.map((p) => x.shape[p] as number),
    perm.map((p) => x.strides[p] as number),
    x.offset,
  );
}

/** Exchanges two axes (a view). */
export function swapaxes(x: ArrayInput, axis1: number, axis2: number): NDArray {
  const arr = asarray(x, {}, 'swapaxes');
  const a = normalizeAxis(axis1, arr.ndim, 'swapaxes');
  const b = normalizeAxis(axis2, arr.ndim, 'swapaxes');
  const perm = arr.shape.map((_, i) => (i === a ? b : i === b ? a : i));
  return transpose(arr, perm);
}

/** Moves one axis to a new position, keeping the order of the others (a view). */
export function moveaxis(x: ArrayInput, source: number, destination: number): NDArray {
  const arr = asarray(x, {}, 'moveaxis');
  const src = normalizeAxis(source, arr.ndim, 'moveaxis');
  const dst = normalizeAxis(destination, arr.ndim, 'moveaxis');
  const perm = arr.shape.map((_, i) => i).filter((i) => i !== src);
  perm.splice(dst, 0, src);
  return transpose(arr, perm);
}

/** A view of x broadcast to shape (repeated dims have stride 0; do not write into it). */
export function broadcastTo(x: ArrayInput, shape: Shape): NDArray {
  return broadcastView(asarray(x, {}, 'broadcastTo'), shape, 'broadcastTo');
}

/** Removes length-1 axes: all of them, or the given ones (which must have length 1). A view. */
export function squeeze(a: ArrayInput, options: { axis?: number | number[] } = {}): NDArray {
  const x = asarray(a, {}, 'squeeze');
  let axes: number[];
  if (options.axis === undefined) axes = x.shape.flatMap((n, d) => (n === 1 ? [d] : []));
  else {
    axes = normalizeAxes(options.axis, x.ndim, 'squeeze');
    for (const d of axes) {
      if (x.shape[d] !== 1)
        throw new ShapeError(
          `squeeze: cannot squeeze axis ${d} of an array of shape ${formatShape(x.shape)}: its length is ${x.shape[d]}, not 1`,
        );
    }
  }
  const keep = x.shape.map((_, d) => d).filter((d) => !axes.includes(d));
  return new NDArray(
    x.data,
    keep.map((d) => x.shape[d] as number),
    keep.map((d) => x.strides[d] as number),
    x.offset,
  );
}

/** Inserts length-1 axes so that they sit at `axis` in the result (negative counts from the result's end). A view. */
export function expandDims(a: ArrayInput, axis: number | number[]): NDArray {
  const x = asarray(a, {}, 'expandDims');
  const list = typeof axis === 'number' ? [axis] : axis;
  const nd = x.ndim + list.length;
  const axes = normalizeAxes(list, nd, 'expandDims');
  const shape: number[] = [];
  const strides: number[] = [];
  let src = 0;
  for (let d = 0; d < nd; d++) {
    if (axes.includes(d)) {
      shape.push(1);
      strides.push(0);
    } else {
      shape.push(x.shape[src] as number);
      strides.push(x.strides[src] as number);
      src++;
    }
  }
  return new NDArray(x.data, shape, strides, x.offset);
}

/** Joins arrays along an existing axis (default 0); the other dims must match. */
export function concatenate(arrays: readonly ArrayInput[], options: { axis?: number } = {}): NDArray {
  const xs = arrays.map((a) => asarray(a, {}, 'concatenate'));
  const first = xs[0];
  if (first === undefined) throw new ArgumentError('concatenate: need at least one array to concatenate');
  if (first.ndim === 0) throw new ShapeError('concatenate: zero-dimensional arrays cannot be concatenated');
  const axis = normalizeAxis(options.axis ?? 0, first.ndim, 'concatenate');
  let total = 0;
  xs.forEach((x, i) => {
    const fits = x.ndim === first.ndim && x.shape.every((n, d) => d === axis || n === first.shape[d]);
    if (!fits)
      throw new ShapeError(
        `concatenate: array ${i} has shape ${formatShape(x.shape)}, which does not match array 0 of shape ${formatShape(first.shape)} outside axis ${axis}`,
      );
    total += x.shape[axis] as number;
  });
  const dtype = xs.map((x) => x.dtype).reduce(promoteTypes);
  const shape = first.shape.map((n, d) => (d === axis ? total : n));
  const out = new NDArray(allocate(dtype, sizeOf(shape)), shape);
  let start = 0;
  for (const x of xs) {
    const n = x.shape[axis] as number;
    const specs: SliceSpec[] = shape.map((_, d) => (d === axis ? { start, stop: start + n } : ':'));
    assign(slice(out, specs), x, 'concatenate');
    start += n;
  }
  return out;
}

/** Joins same-shape arrays along a new axis (default 0). */
export function stack(arrays: readonly ArrayInput[], options: { axis?: number } = {}): NDArray {
  const xs = arrays.map((a) => asarray(a, {}, 'stack'));
  const first = xs[0];
  if (first === undefined) throw new ArgumentError('stack: need at least one array to stack');
  xs.forEach((x, i) => {
    if (x.ndim !== first.ndim || x.shape.some((n, d) => n !== first.shape[d]))
      throw new ShapeError(
        `stack: all input arrays must have the same shape, but array ${i} has shape ${formatShape(x.shape)} and array 0 ${formatShape(first.shape)}`,
      );
  });
  const axis = normalizeAxis(options.axis ?? 0, first.ndim + 1, 'stack');
  return concatenate(
    xs.map((x) => expandDims(x, axis)),
    { axis },
  );
}

/**
 * Splits x along axis (default 0) into views: `sections` equal parts (a number), or at the
 * given split indices (`[2, 5]` gives x[:2], x[2:5], x[5:]).
 */
export function split(
  a: ArrayInput,
  sections: number | readonly number[],
  options: { axis?: number } = {},
): NDArray[] {
  const x = asarray(a, {}, 'split');
  const axis = normalizeAxis(options.axis ?? 0, x.ndim, 'split');
  const n = x.shape[axis] as number;
  let bounds: number[];
  if (typeof sections === 'number') {
    if (!Number.isInteger(sections) || sections <= 0 || n % sections !== 0)
      throw new ShapeError(
        `split: array split does not result in an equal division: axis ${axis} has length ${n}, which ${sections} does not divide`,
      );
    bounds = Array.from({ length: sections - 1 }, (_, i) => ((i + 1) * n) / sections);
  } else bounds = [...sections];
  const edges = [0, ...bounds, n];
  const parts: NDArray[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i] as number;
    const stop = Math.max(start, edges[i + 1] as number);
    parts.push(
      slice(
        x,
        x.shape.map((_, d): SliceSpec => (d === axis ? { start, stop } : ':')),
      ),
    );
  }
  return parts;
}

/** Pad widths: one number for every side, `[before, after]` for every axis, or one pair per axis. */
export type PadWidth = number | readonly [number, number] | readonly (readonly [number, number])[];

/** x surrounded by constantValues (default 0). */
export function pad(a: ArrayInput, padWidth: PadWidth, options: { constantValues?: number } = {}): NDArray {
  const x = asarray(a, {}, 'pad');
  let pairs: (readonly [number, number])[];
  if (typeof padWidth === 'number') pairs = x.shape.map(() => [padWidth, padWidth] as const);
  else if (typeof padWidth[0] === 'number') {
    const pair = padWidth as readonly [number, number];
    pairs = x.shape.map(() => pair);
  } else pairs = [...(padWidth as readonly (readonly [number, number])[])];
  if (pairs.length !== x.ndim)
    throw new ShapeError(
      `pad: got ${pairs.length} (before, after) pairs for an array of ${x.ndim} dimensions`,
    );
  for (const [before, after] of pairs) {
    if (!Number.isInteger(before) || !Number.isInteger(after) || before < 0 || after < 0)
      throw new ArgumentError(`pad: pad widths must be non-negative integers, got [${before}, ${after}]`);
  }
  const shape = x.shape.map((n, d) => n + (pairs[d]?.[0] ?? 0) + (pairs[d]?.[1] ?? 0));
  const data = allocate(x.dtype, sizeOf(shape));
  const fill = options.constantValues ?? 0;
  if (fill !== 0) data.fill(fill);
  const out = new NDArray(data, shape);
  const inner = slice(
    out,
    pairs.map(([before], d): SliceSpec => ({ start: before, stop: before + (x.shape[d] as number) })),
  );
  assign(inner, x, 'pad');
  return out;
}

/** x repeated reps times along each axis (NumPy's tile: reps and x.shape are aligned from the right). */
export function tile(a: ArrayInput, reps: number | readonly number[]): NDArray {
  const x = asarray(a, {}, 'tile');
  const r = typeof reps === 'number' ? [reps] : [...reps];
  if (r.some((n) => !Number.isInteger(n) || n < 0))
    throw new ArgumentError(`tile: reps must be non-negative integers, got [${r.join(', ')}]`);
  const nd = Math.max(r.length, x.ndim);
  const shape = [...new Array<number>(nd - x.ndim).fill(1), ...x.shape];
  const counts = [...new Array<number>(nd - r.length).fill(1), ...r];
  const interleaved = reshape(
    x,
    shape.flatMap((n) => [1, n]),
  );
  const expanded = broadcastView(
    interleaved,
    shape.flatMap((n, d) => [counts[d] as number, n]),
    'tile',
  );
  return new NDArray(
    copyContiguous(expanded),
    shape.map((n, d) => n * (counts[d] as number)),
  );
}

/** Repeats each element `repeats` times (or repeats[i] times for element i) along axis (flattened by default). */
export function repeat(
  a: ArrayInput,
  repeats: number | readonly number[],
  options: { axis?: number } = {},
): NDArray {
  let x = asarray(a, {}, 'repeat');
  if (options.axis === undefined) x = ravel(x);
  const axis = normalizeAxis(options.axis ?? 0, x.ndim, 'repeat');
  const n = x.shape[axis] as number;
  const counts = typeof repeats === 'number' ? new Array<number>(n).fill(repeats) : [...repeats];
  if (counts.length !== n)
    throw new ShapeError(`repeat: got ${counts.length} repeat counts for axis ${axis} of length ${n}`);
  const indices: number[] = [];
  counts.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0)
      throw new ArgumentError(`repeat: repeats must be non-negative integers, got ${c}`);
    for (let k = 0; k < c; k++) indices.push(i);
  });
  return take(x, new Int32Array(indices), { axis });
}
