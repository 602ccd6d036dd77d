/** Naive reference implementations for the property tests: index arithmetic on flat JS arrays. */
import fc from 'fast-check';

export interface Dense {
  shape: number[];
  values: number[];
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function unravel(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length).fill(0);
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] as number;
    index[d] = flat % n;
    flat = Math.floor(flat / n);
  }
  return index;
}

export function ravelIndex(index: readonly number[], shape: readonly number[]): number {
  let flat = 0;
  for (let d = 0; d < shape.length; d++) flat = flat * (shape[d] as number) + (index[d] as number);
  return flat;
}

/** Broadcast shape by the textbook rule, or undefined. */
export function naiveBroadcastShape(a: readonly number[], b: readonly number[]): number[] | undefined {
  const nd = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < nd; i++) {
    const x = a[a.length - nd + i] ?? 1;
    const y = b[b.length - nd + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return undefined;
    out.push(Math.max(x, y) === 0 || Math.min(x, y) === 0 ? (x === 1 ? y : x) : Math.max(x, y));
  }
  return out;
}

/** Elementwise op with broadcasting by explicit index arithmetic. */
export function naiveBinary(a: Dense, b: Dense, fn: (x: number, y: number) => number): Dense {
  const shape = naiveBroadcastShape(a.shape, b.shape);
  if (!shape) throw new Error('not broadcastable');
  const values: number[] = [];
  for (let f = 0; f < sizeOf(shape); f++) {
    const index = unravel(f, shape);
    const pick = (x: Dense) => {
      const own = index
        .slice(index.length - x.shape.length)
        .map((i, d) => ((x.shape[d] as number) === 1 ? 0 : i));
      return x.values[ravelIndex(own, x.shape)] as number;
    };
    values.push(fn(pick(a), pick(b)));
  }
  return { shape, values };
}

/** Reduce over the given (sorted) axes by a plain loop in row-major order. */
export function naiveReduce(
  x: Dense,
  axes: number[],
  keepdims: boolean,
  init: number,
  fn: (acc: number, v: number) => number,
): Dense {
  const keptShape = x.shape.map((n, d) => (axes.includes(d) ? 1 : n));
  const acc = new Array<number>(sizeOf(keptShape)).fill(init);
  for (let f = 0; f < x.values.length; f++) {
    const index = unravel(f, x.shape).map((i, d) => (axes.includes(d) ? 0 : i));
    const o = ravelIndex(index, keptShape);
    acc[o] = fn(acc[o] as number, x.values[f] as number);
  }
  return { shape: keepdims ? keptShape : x.shape.filter((_, d) => !axes.includes(d)), values: acc };
}

/** Python's slice semantics on a JS array. */
export function naiveSlice<T>(
  values: T[],
  start: number | undefined,
  stop: number | undefined,
  step: number,
): T[] {
  const n = values.length;
  const out: T[] = [];
  if (step > 0) {
    let lo = start === undefined ? 0 : start < 0 ? Math.max(0, start + n) : Math.min(start, n);
    const hi = stop === undefined ? n : stop < 0 ? Math.max(0, stop + n) : Math.min(stop, n);
    for (; lo < hi; lo += step) out.push(values[lo] as T);
  } else {
    let lo = start === undefined ? n - 1 : start < 0 ? Math.max(-1, start + n) : Math.min(start, n - 1);
    const hi = stop === undefined ? -1 : stop < 0 ? Math.max(-1, stop + n) : Math.min(stop, n - 1);
    for (; lo > hi; lo += step) out.push(values[lo] as T);
  }
  return out;
}

export const smallShape = (maxDims = 4, maxLen = 4) =>
  fc.array(fc.integer({ min: 1, max: maxLen }), { minLength: 0, maxLength: maxDims });

/** A dense array of random small integers (exact sums) of a random shape. */
export const dense = (maxDims = 4, maxLen = 4) =>
  smallShape(maxDims, maxLen).chain((shape) =>
    fc
      .array(fc.integer({ min: -9, max: 9 }), { minLength: sizeOf(shape), maxLength: sizeOf(shape) })
      .map((values): Dense => ({ shape, values })),
  );

/** Flattens nested toArray() output. */
export function flat(value: unknown): number[] {
  if (Array.isArray(value)) return value.flatMap(flat);
  return [Number(value)];
}
