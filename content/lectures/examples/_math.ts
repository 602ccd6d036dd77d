/**
 * The array arithmetic of the lecture examples. Every example file imports its arithmetic from
 * here and only here, and values cross this boundary as plain `number[]` / `number[][]` (what
 * the MDX components render). The array-level operations (matmul, transpose, sums over an
 * axis) run on the engine's `np` from `@gradlab/kernels`, in float64; the scalar helpers below
 * are plain TypeScript. Moving more of it onto `np` only changes the bodies in this file.
 */

import { np } from '@gradlab/kernels';

export type Vec = number[];
export type Mat = number[][];

function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new RangeError(`index ${i} out of range for length ${xs.length}`);
  return x;
}

/** `x[i]`, checked. */
export function get(x: readonly number[], i: number): number {
  return at(x, i);
}

/** `A[i][j]`, checked. */
export function get2(a: Mat, i: number, j: number): number {
  return at(at(a, i), j);
}

export function shape(a: Mat): [number, number] {
  return [a.length, a[0]?.length ?? 0];
}

export function zeros(rows: number, cols: number): Mat {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

export function map(a: Mat, f: (v: number, i: number, j: number) => number): Mat {
  return a.map((row, i) => row.map((v, j) => f(v, i, j)));
}

export function mapVec(x: Vec, f: (v: number, i: number) => number): Vec {
  return x.map((v, i) => f(v, i));
}

/** Elementwise `f(a, b)` of two same-shaped matrices. */
export function zip(a: Mat, b: Mat, f: (x: number, y: number) => number): Mat {
  const [n, m] = shape(a);
  const [n2, m2] = shape(b);
  if (n !== n2 || m !== m2) throw new RangeError(`shapes (${n},${m}) and (${n2},${m2}) differ`);
  return map(a, (v, i, j) => f(v, get2(b, i, j)));
}

export function zipVec(a: Vec, b: Vec, f: (x: number, y: number) => number): Vec {
  if (a.length !== b.length) throw new RangeError(`lengths ${a.length} and ${b.length} differ`);
  return a.map((v, i) => f(v, get(b, i)));
}

export const add = (a: Mat, b: Mat): Mat => zip(a, b, (x, y) => x + y);
export const sub = (a: Mat, b: Mat): Mat => zip(a, b, (x, y) => x - y);
export const mul = (a: Mat, b: Mat): Mat => zip(a, b, (x, y) => x * y);
export const scale = (a: Mat, c: number): Mat => map(a, (v) => v * c);

export function matmul(a: Mat, b: Mat): Mat {
  const [, k] = shape(a);
  const [k2, m] = shape(b);
  if (k !== k2) throw new RangeError(`matmul: inner sizes ${k} and ${k2} differ`);
  if (a.length === 0 || m === 0) return zeros(a.length, m);
  return np.matmul(np.array(a), np.array(b)).toArray() as Mat;
}

export function transpose(a: Mat): Mat {
  const [n, m] = shape(a);
  if (n === 0 || m === 0) return zeros(m, n);
  return np.transpose(np.array(a)).toArray() as Mat;
}

/** `A + b` with `b` broadcast over the rows. */
export function addRow(a: Mat, b: Vec): Mat {
  return map(a, (v, _i, j) => v + get(b, j));
}

/** Sum over axis 0 (over the rows): shape (N, M) -> (M,). */
export function sumRows(a: Mat): Vec {
  const [n, m] = shape(a);
  if (n === 0 || m === 0) return new Array<number>(m).fill(0);
  return np.sum(np.array(a), { axis: 0 }).toArray() as Vec;
}

/** Sum over axis 1 (within each row): shape (N, M) -> (N,). */
export function sumCols(a: Mat): Vec {
  const [n, m] = shape(a);
  if (n === 0 || m === 0) return new Array<number>(n).fill(0);
  return np.sum(np.array(a), { axis: 1 }).toArray() as Vec;
}

export function sum(x: Vec): number {
  return x.reduce((s, v) => s + v, 0);
}

export function sumAll(a: Mat): number {
  return sum(sumCols(a));
}

export function mean(x: Vec): number {
  return sum(x) / x.length;
}

export function dot(a: Vec, b: Vec): number {
  return sum(zipVec(a, b, (x, y) => x * y));
}

export function maxOf(x: Vec): number {
  return x.reduce((m, v) => Math.max(m, v), Number.NEGATIVE_INFINITY);
}

export function argmax(x: Vec): number {
  let best = 0;
  for (let i = 1; i < x.length; i++) if (get(x, i) > get(x, best)) best = i;
  return best;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Softmax of one row, with the maximum subtracted first. */
export function softmax(x: Vec): Vec {
  const m = maxOf(x);
  const e = x.map((v) => Math.exp(v - m));
  const z = sum(e);
  return e.map((v) => v / z);
}

export function softmaxRows(a: Mat): Mat {
  return a.map(softmax);
}

/** Euclidean norm of a vector. */
export function norm(x: Vec): number {
  return Math.sqrt(dot(x, x));
}

/** Every entry of a matrix, row by row. */
export function flat(a: Mat): Vec {
  return a.flat();
}

/** Rounds a value for examples whose inputs should be short decimals. */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A seeded pseudo-random generator (mulberry32): uniform numbers in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples from a seeded uniform source (Box-Muller). */
export function randn(rows: number, cols: number, seed: number): Mat {
  const u = rng(seed);
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => {
      const u1 = Math.max(u(), 1e-300);
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u());
    }),
  );
}
