/**
 * The conformance case table: one list of kernel cases that every backend other than `js` must
 * match the `js` reference on. It is data plus helpers and imports no backend, so any backend's
 * suite (wasm here, an async WebGPU one elsewhere) can run it:
 *
 *   for (const c of conformanceCases) for (const dtype of ['float32', 'float64'] as const) {
 *     const p = prepareCase(c, dtype);      // inputs, a NaN-filled `out`, expected, magnitude
 *     await myKernel(p.kernelName, p.args); // writes p.args.out
 *     const failure = compareOutputs(p, p.args.out);
 *   }
 *
 * Tolerances (per dtype, relative to each output's magnitude, the same computation run on
 * |inputs|, i.e. sum |a_i b_i| for a dot product, or |expected| for pointwise ops):
 * - float64 1e-12. A backend may sum in any order (blocking, SIMD lanes); a length-k sum's
 *   rounding error is bounded by k u sum|terms| (Higham, u = 2^-53 ~ 1.1e-16), ~1e-13 at the
 *   largest k here (~1000), and transcendental functions are within a few ulp (~1e-15).
 * - float32 1e-4. The reference sums in float64 and rounds once; a float32 backend rounds every
 *   partial sum: k u32 sum|terms| with u32 = 2^-24 ~ 6e-8 is 6e-5 at k ~ 1000 (the typical
 *   error is ~sqrt(k) u32, far smaller). Inputs are float32 values, so both sides see the
 *   same operands.
 * NaN must match NaN and infinities must match exactly.
 */
import { jsKernels } from '../../src/backend/js/kernels.ts';
import type {
  BinaryOp,
  FloatArray,
  FloatDType,
  KernelName,
  KernelSignatures,
  UnaryOp,
} from '../../src/backend/kernel-types.ts';

export interface MatmulCase {
  kernel: 'matmul';
  m: number;
  k: number;
  n: number;
}
export interface Conv2dCase {
  kernel: 'conv2d';
  n: number;
  c: number;
  h: number;
  w: number;
  f: number;
  kh: number;
  kw: number;
  stride: number;
  pad: number;
  bias: boolean;
}
export interface Pool2dCase {
  kernel: 'pool2d';
  kind: 'max' | 'avg';
  n: number;
  c: number;
  h: number;
  w: number;
  kh: number;
  kw: number;
  stride: number;
}
/** `special` feeds NaN, +-Infinity, +-0 and extreme values instead of random ones. */
export interface UnaryCase {
  kernel: 'unary';
  op: UnaryOp;
  length: number;
  special?: boolean;
}
export interface BinaryCase {
  kernel: 'binary';
  op: BinaryOp;
  length: number;
  special?: boolean;
}
export interface ReduceCase {
  kernel: 'reduce';
  op: 'sum' | 'max' | 'min';
  outer: number;
  size: number;
  inner: number;
}
export type ConformanceCase = MatmulCase | Conv2dCase | Pool2dCase | UnaryCase | BinaryCase | ReduceCase;

export const dtypes: readonly FloatDType[] = ['float32', 'float64'];
export const tolerances: Record<FloatDType, number> = { float32: 1e-4, float64: 1e-12 };

/** A readable, unique name for a case. */
export function caseName(c: ConformanceCase): string {
  switch (c.kernel) {
    case 'matmul':
      return `matmul ${c.m}x${c.k}x${c.n}`;
    case 'conv2d':
      return `conv2d x(${c.n},${c.c},${c.h},${c.w}) w(${c.f},${c.c},${c.kh},${c.kw}) stride ${c.stride} pad ${c.pad}${c.bias ? ' +bias' : ''}`;
    case 'pool2d':
      return `${c.kind}pool x(${c.n},${c.c},${c.h},${c.w}) ${c.kh}x${c.kw} stride ${c.stride}`;
    case 'unary':
    case 'binary':
      return `${c.kernel} ${c.op} length ${c.length}${c.special ? ' special values' : ''}`;
    case 'reduce':
      return `reduce ${c.op} (${c.outer},${c.size},${c.inner})`;
  }
}

const unaryOps: UnaryOp[] = ['neg', 'exp', 'log', 'sqrt', 'tanh', 'abs', 'relu', 'sigmoid', 'square'];
const binaryOps: BinaryOp[] = ['add', 'sub', 'mul', 'div', 'max', 'min'];
const elementwiseLengths = [0, 1, 3, 17, 1000];

const matmulCases: MatmulCase[] = [
  [7, 13, 5],
  [1, 1, 1],
  [0, 5, 3],
  [5, 0, 3],
  [3, 5, 0],
  [33, 65, 17],
  [4, 8, 8],
  [4, 4, 4],
  [8, 16, 16],
  [1, 300, 1],
  [1, 1, 300],
  [300, 1, 1],
  [2, 3, 1030],
  // Crosses every blocking boundary: MC (128 f32 / 64 f64), KC (256), NC (1024).
  [129, 257, 1030],
].map(([m, k, n]) => ({ kernel: 'matmul', m: m as number, k: k as number, n: n as number }));

const conv = (
  n: number,
  c: number,
  h: number,
  w: number,
  f: number,
  k: number,
  stride: number,
  pad: number,
  bias: boolean,
): Conv2dCase => ({ kernel: 'conv2d', n, c, h, w, f, kh: k, kw: k, stride, pad, bias });
const conv2dCases: Conv2dCase[] = [
  conv(1, 1, 1, 1, 1, 1, 1, 0, false),
  conv(1, 1, 1, 1, 1, 1, 1, 0, true),
  conv(1, 3, 7, 7, 4, 3, 1, 1, true),
  conv(1, 3, 7, 7, 4, 3, 1, 0, false),
  conv(2, 3, 8, 9, 5, 3, 2, 0, false),
  conv(2, 4, 9, 7, 3, 3, 2, 1, true),
  conv(1, 2, 5, 5, 2, 5, 1, 2, true),
  conv(1, 3, 4, 4, 2, 3, 3, 1, false),
  conv(2, 8, 6, 5, 7, 1, 1, 0, true), // pointwise: no im2col
  conv(1, 3, 6, 6, 2, 1, 2, 0, false), // 1x1, stride 2
  conv(1, 2, 2, 2, 3, 3, 1, 0, true), // outH = outW = 0: empty output
  conv(0, 2, 5, 5, 3, 3, 1, 1, true), // empty batch
  conv(2, 16, 12, 12, 33, 3, 1, 1, true),
  conv(1, 100, 5, 5, 9, 3, 1, 1, true), // C kH kW = 900 > KC
  { kernel: 'conv2d', n: 1, c: 2, h: 9, w: 6, f: 3, kh: 3, kw: 2, stride: 1, pad: 1, bias: true },
];

const pool = (
  n: number,
  c: number,
  h: number,
  w: number,
  k: number,
  stride: number,
): Omit<Pool2dCase, 'kind'> => ({
  kernel: 'pool2d',
  n,
  c,
  h,
  w,
  kh: k,
  kw: k,
  stride,
});
const poolShapes = [
  pool(1, 1, 4, 4, 2, 2),
  pool(2, 3, 7, 9, 3, 2),
  pool(1, 2, 5, 5, 1, 1),
  pool(1, 1, 2, 2, 2, 2),
  pool(2, 3, 8, 8, 2, 1),
  pool(1, 1, 1, 1, 1, 1),
  pool(2, 3, 18, 11, 2, 2), // 2x2/2 fast path: full v128 lanes plus a tail, odd input width
  pool(0, 3, 4, 4, 2, 2),
  { kernel: 'pool2d' as const, n: 1, c: 2, h: 6, w: 9, kh: 2, kw: 3, stride: 3 },
];
const pool2dCases: Pool2dCase[] = (['max', 'avg'] as const).flatMap((kind) =>
  poolShapes.map((s) => ({ ...s, kind })),
);

const unaryCases: UnaryCase[] = unaryOps.flatMap((op) => [
  ...elementwiseLengths.map((length) => ({ kernel: 'unary' as const, op, length })),
  { kernel: 'unary' as const, op, length: 0, special: true },
]);
const binaryCases: BinaryCase[] = binaryOps.flatMap((op) => [
  ...elementwiseLengths.map((length) => ({ kernel: 'binary' as const, op, length })),
  { kernel: 'binary' as const, op, length: 0, special: true },
]);

const reduceShapes: [number, number, number][] = [
  [1, 1, 1],
  [3, 7, 5],
  [1, 1000, 1],
  [4, 33, 1],
  [5, 6, 8],
  [2, 3, 17],
  [1, 2, 1],
  [0, 3, 4],
  [2, 3, 0],
];
const reduceCases: ReduceCase[] = [
  ...(['sum', 'max', 'min'] as const).flatMap((op) =>
    reduceShapes.map(([outer, size, inner]) => ({ kernel: 'reduce' as const, op, outer, size, inner })),
  ),
  { kernel: 'reduce', op: 'sum', outer: 2, size: 0, inner: 3 },
];

export const conformanceCases: readonly ConformanceCase[] = [
  ...matmulCases,
  ...conv2dCases,
  ...pool2dCases,
  ...unaryCases,
  ...binaryCases,
  ...reduceCases,
];

/** Deterministic uniform numbers in [lo, hi) (mulberry32), so failures reproduce. */
export function randomArray(dtype: FloatDType, length: number, seed: number, lo = -1, hi = 1): FloatArray {
  const out = dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out[i] = lo + (hi - lo) * u;
  }
  return out;
}

const specialValues = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  0,
  -0,
  1,
  -1,
  0.5,
  -0.5,
  2,
  20,
  -20,
  1e-30,
  -1e-30,
  1e30,
  -1e30,
  3.25,
  -7.5,
];

type ArgsOf<K extends KernelName> = Parameters<KernelSignatures[K]>[0];

/** A case made concrete for one dtype: kernel arguments (with a NaN-filled `out`) and the answer. */
export type PreparedCase = {
  [K in KernelName]: {
    kernelName: K;
    name: string;
    dtype: FloatDType;
    args: ArgsOf<K>;
    expected: FloatArray;
    /** Per output: the scale the tolerance is relative to. */
    magnitude: Float64Array;
  };
}[KernelName];

function reference<K extends KernelName>(kernelName: K): KernelSignatures[K] {
  const config = jsKernels.find((c) => c.kernelName === kernelName);
  if (!config) throw new Error(`no js reference kernel for ${kernelName}`);
  return config.kernelFunc as KernelSignatures[K];
}

const abs = (x: FloatArray): Float64Array => Float64Array.from(x, Math.abs);
const empty = (dtype: FloatDType, length: number): FloatArray =>
  (dtype === 'float32' ? new Float32Array(length) : new Float64Array(length)).fill(Number.NaN);

function pointwiseMagnitude(expected: FloatArray, ...inputs: FloatArray[]): Float64Array {
  return Float64Array.from(expected, (e, i) => {
    let m = Number.isFinite(e) ? Math.abs(e) : 0;
    for (const x of inputs) {
      const v = Math.abs(x[i] as number);
      if (Number.isFinite(v)) m = Math.max(m, v);
    }
    return m;
  });
}

/** Builds the inputs of `c` in `dtype` (seeded), runs the js reference, and returns both. */
export function prepareCase(c: ConformanceCase, dtype: FloatDType, seed = 1): PreparedCase {
  const name = `${caseName(c)} ${dtype}`;
  switch (c.kernel) {
    case 'matmul': {
      const { m, k, n } = c;
      const a = randomArray(dtype, m * k, seed);
      const b = randomArray(dtype, k * n, seed + 1);
      const expected = empty(dtype, m * n);
      reference('matmul')({ a, b, out: expected, m, k, n });
      const magnitude = new Float64Array(m * n);
      reference('matmul')({ a: abs(a), b: abs(b), out: magnitude, m, k, n });
      return {
        kernelName: 'matmul',
        name,
        dtype,
        args: { a, b, out: empty(dtype, m * n), m, k, n },
        expected,
        magnitude,
      };
    }
    case 'conv2d': {
      const { n, c: ch, h, w: wIn, f, kh, kw, stride, pad } = c;
      const outH = Math.max(0, Math.floor((h + 2 * pad - kh) / stride) + 1);
      const outW = Math.max(0, Math.floor((wIn + 2 * pad - kw) / stride) + 1);
      const x = randomArray(dtype, n * ch * h * wIn, seed);
      const w = randomArray(dtype, f * ch * kh * kw, seed + 1);
      const bias = c.bias ? randomArray(dtype, f, seed + 2) : undefined;
      const geometry = { n, c: ch, h, wIn, f, kh, kw, stride, pad, outH, outW };
      const size = n * f * outH * outW;
      const expected = empty(dtype, size);
      reference('conv2d')({ x, w, bias, out: expected, ...geometry });
      const magnitude = new Float64Array(size);
      reference('conv2d')({ x: abs(x), w: abs(w), bias: bias && abs(bias), out: magnitude, ...geometry });
      const args = { x, w, bias, out: empty(dtype, size), ...geometry };
      return { kernelName: 'conv2d', name, dtype, args, expected, magnitude };
    }
    case 'pool2d': {
      const { kind, n, c: ch, h, w, kh, kw, stride } = c;
      const outH = Math.floor((h - kh) / stride) + 1;
      const outW = Math.floor((w - kw) / stride) + 1;
      const x = randomArray(dtype, n * ch * h * w, seed);
      const geometry = { kind, n, c: ch, h, w, kh, kw, stride, outH, outW };
      const size = n * ch * outH * outW;
      const expected = empty(dtype, size);
      reference('pool2d')({ x, out: expected, ...geometry });
      const magnitude = new Float64Array(size);
      reference('pool2d')({ x: abs(x), out: magnitude, ...geometry, kind: kind === 'max' ? 'max' : 'avg' });
      return {
        kernelName: 'pool2d',
        name,
        dtype,
        args: { x, out: empty(dtype, size), ...geometry },
        expected,
        magnitude,
      };
    }
    case 'unary': {
      const { op } = c;
      let x: FloatArray;
      if (c.special)
        x = dtype === 'float32' ? Float32Array.from(specialValues) : Float64Array.from(specialValues);
      else if (op === 'log' || op === 'sqrt') x = randomArray(dtype, c.length, seed, 0.01, 10);
      else if (op === 'exp') x = randomArray(dtype, c.length, seed, -10, 10);
      else x = randomArray(dtype, c.length, seed, -5, 5);
      const expected = empty(dtype, x.length);
      reference('unary')({ op, x, out: expected });
      const magnitude = Float64Array.from(expected, (e) => (Number.isFinite(e) ? Math.abs(e) : 0));
      return {
        kernelName: 'unary',
        name,
        dtype,
        args: { op, x, out: empty(dtype, x.length) },
        expected,
        magnitude,
      };
    }
    case 'binary': {
      const { op } = c;
      let a: FloatArray;
      let b: FloatArray;
      if (c.special) {
        const pairs = specialValues.flatMap((u) => specialValues.map((v) => [u, v] as const));
        const make = (values: number[]) =>
          dtype === 'float32' ? Float32Array.from(values) : Float64Array.from(values);
        a = make(pairs.map(([u]) => u));
        b = make(pairs.map(([, v]) => v));
      } else {
        a = randomArray(dtype, c.length, seed, -5, 5);
        b = randomArray(dtype, c.length, seed + 1, op === 'div' ? 0.5 : -5, 5);
      }
      const expected = empty(dtype, a.length);
      reference('binary')({ op, a, b, out: expected });
      const magnitude = pointwiseMagnitude(expected, ...(op === 'add' || op === 'sub' ? [a, b] : []));
      return {
        kernelName: 'binary',
        name,
        dtype,
        args: { op, a, b, out: empty(dtype, a.length) },
        expected,
        magnitude,
      };
    }
    case 'reduce': {
      const { op, outer, size, inner } = c;
      const x = randomArray(dtype, outer * size * inner, seed);
      const expected = empty(dtype, outer * inner);
      reference('reduce')({ op, x, out: expected, outer, size, inner });
      const magnitude = new Float64Array(outer * inner);
      reference('reduce')({
        op: op === 'sum' ? 'sum' : 'max',
        x: abs(x),
        out: magnitude,
        outer,
        size,
        inner,
      });
      const args = { op, x, out: empty(dtype, outer * inner), outer, size, inner };
      return { kernelName: 'reduce', name, dtype, args, expected, magnitude };
    }
  }
}

/** undefined when `actual` matches the case's expected output, else a message naming the first bad index. */
export function compareOutputs(prepared: PreparedCase, actual: FloatArray): string | undefined {
  const { expected, magnitude, dtype, name } = prepared;
  if (actual.length !== expected.length) {
    return `${name}: out has ${actual.length} elements, expected ${expected.length}`;
  }
  const tol = tolerances[dtype];
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i] as number;
    const got = actual[i] as number;
    let ok: boolean;
    if (Number.isNaN(want)) ok = Number.isNaN(got);
    else if (!Number.isFinite(want)) ok = got === want;
    else ok = Math.abs(got - want) <= tol * (magnitude[i] as number);
    if (!ok) {
      return (
        `${name}: out[${i}] = ${got}, expected ${want} ` +
        `(tolerance ${tol} x magnitude ${magnitude[i]} = ${tol * (magnitude[i] as number)})`
      );
    }
  }
  return undefined;
}
