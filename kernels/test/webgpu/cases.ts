/**
 * The conformance cases shared by the Node and the Chromium runs: deterministic f32 inputs
 * (seeded), and for the checking side, the float64 js reference and an error bound per element.
 *
 * Tolerances (u = 2^-24, the f32 unit roundoff; the reference sees the same f32 inputs):
 * - matmul:  |gpu - ref| <= (k + 2) u (|A| |B|)_ij + 1e-7   (forward error bound of a k-term dot product)
 * - conv2d:  the same with k = C kH kW taps, against |x| * |w| + |bias|
 * - reduce:  sum (size + 1) u sum|x| + 1e-7; max/min exact
 * - pool2d:  max exact; avg (area + 2) u sum|x| / area + 1e-7
 * - binary:  4e-7 |ref| (one rounding; WGSL's division is within 2.5 ulp); NaN where the reference is NaN
 * - unary:   2e-6 |ref| + 1e-6 (WGSL exp/log are a few ulp, 3 + 2|x| ulp for exp, |x| <= 4 here)
 */
import { binaryJs, conv2dJs, matmulJs, pool2dJs, reduceJs, unaryJs } from '../../src/backend/js/kernels.ts';
import type { BinaryOp, UnaryOp } from '../../src/backend/kernel-types.ts';
import type { Conv2dDims, Pool2dDims, ReduceOp } from '../../src/backend/webgpu/index.ts';

export type Case =
  | { kind: 'matmul'; name: string; m: number; k: number; n: number }
  | { kind: 'conv2d'; name: string; dims: Conv2dDims; bias: boolean }
  | { kind: 'pool2d'; name: string; pool: 'max' | 'avg'; dims: Pool2dDims }
  | { kind: 'unary'; name: string; op: UnaryOp; length: number }
  | { kind: 'binary'; name: string; op: BinaryOp; length: number; nans: boolean }
  | { kind: 'reduce'; name: string; op: ReduceOp; outer: number; size: number; inner: number };

function conv(n: number, c: number, h: number, w: number, f: number, k: number, stride: number, pad: number) {
  const outH = Math.max(0, Math.floor((h + 2 * pad - k) / stride) + 1);
  const outW = Math.max(0, Math.floor((w + 2 * pad - k) / stride) + 1);
  return { n, c, h, wIn: w, f, kh: k, kw: k, stride, pad, outH, outW };
}

function pool(n: number, c: number, h: number, w: number, k: number, stride: number): Pool2dDims {
  const outH = Math.max(0, Math.floor((h - k) / stride) + 1);
  const outW = Math.max(0, Math.floor((w - k) / stride) + 1);
  return { n, c, h, w, kh: k, kw: k, stride, outH, outW };
}

const unaryOps: UnaryOp[] = ['neg', 'exp', 'log', 'sqrt', 'tanh', 'abs', 'relu', 'sigmoid', 'square'];
const binaryOps: BinaryOp[] = ['add', 'sub', 'mul', 'div', 'max', 'min'];

export const cases: Case[] = [
  // matmul: tile is 64 x 64 x 16, so most shapes leave partial tiles on every edge.
  ...(
    [
      [1, 1, 1],
      [7, 13, 5],
      [33, 65, 17],
      [130, 67, 129],
      [64, 64, 64],
      [1, 300, 1],
      [2, 5, 200],
      [0, 5, 3],
      [4, 0, 3],
      [3, 4, 0],
    ] as const
  ).map(([m, k, n]) => ({ kind: 'matmul' as const, name: `matmul ${m}x${k}x${n}`, m, k, n })),
  // conv2d: name lists N C H W, F kxk, stride, pad.
  ...(
    [
      [conv(1, 1, 5, 5, 1, 3, 1, 0), false],
      [conv(2, 3, 9, 7, 4, 3, 1, 1), true],
      [conv(2, 3, 9, 8, 5, 3, 2, 1), true],
      [conv(1, 2, 8, 8, 3, 3, 2, 0), false],
      [conv(1, 3, 6, 6, 2, 1, 1, 0), true],
      [conv(2, 4, 7, 7, 70, 3, 1, 1), true],
      [conv(1, 16, 12, 12, 8, 5, 2, 2), false],
      [conv(1, 1, 1, 1, 1, 1, 1, 0), true],
      [conv(0, 3, 5, 5, 2, 3, 1, 1), true],
    ] as const
  ).map(([dims, bias]) => ({
    kind: 'conv2d' as const,
    name: `conv2d ${dims.n}x${dims.c}x${dims.h}x${dims.wIn} f${dims.f} ${dims.kh}x${dims.kw} s${dims.stride} p${dims.pad}${bias ? ' bias' : ''}`,
    dims,
    bias,
  })),
  ...(
    [
      ['max', pool(2, 3, 8, 8, 2, 2)],
      ['avg', pool(2, 3, 8, 8, 2, 2)],
      ['avg', pool(1, 2, 7, 9, 3, 1)],
      ['max', pool(1, 1, 9, 9, 3, 2)],
      ['max', pool(1, 1, 1, 1, 1, 1)],
      ['max', pool(0, 1, 4, 4, 2, 2)],
    ] as const
  ).map(([p, dims]) => ({
    kind: 'pool2d' as const,
    name: `pool2d ${p} ${dims.n}x${dims.c}x${dims.h}x${dims.w} ${dims.kh}x${dims.kw} s${dims.stride}`,
    pool: p,
    dims,
  })),
  ...unaryOps.map((op) => ({ kind: 'unary' as const, name: `unary ${op} 1000`, op, length: 1000 })),
  { kind: 'unary', name: 'unary exp 1', op: 'exp', length: 1 },
  { kind: 'unary', name: 'unary relu 0', op: 'relu', length: 0 },
  ...binaryOps.map((op) => ({
    kind: 'binary' as const,
    name: `binary ${op} 777`,
    op,
    length: 777,
    nans: false,
  })),
  { kind: 'binary', name: 'binary max with NaN', op: 'max', length: 16, nans: true },
  { kind: 'binary', name: 'binary min with NaN', op: 'min', length: 16, nans: true },
  { kind: 'binary', name: 'binary add 0', op: 'add', length: 0, nans: false },
  ...(['sum', 'max', 'min'] as const).flatMap((op) =>
    (
      [
        [3, 100, 5], // tree kernel (size >= 64), strided axis
        [1, 1000, 1], // tree kernel, contiguous
        [4, 7, 3], // serial kernel
        [2, 1, 3], // size 1
        [2, 0, 3], // empty axis: 0 for sum, NaN for max/min
        [0, 5, 2], // nothing to reduce into
      ] as const
    ).map(([outer, size, inner]) => ({
      kind: 'reduce' as const,
      name: `reduce ${op} ${outer}x${size}x${inner}`,
      op,
      outer,
      size,
      inner,
    })),
  ),
];

/** mulberry32: a small seeded PRNG, so Node, Chromium and the checker see the same inputs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

function uniform(next: () => number, length: number, lo: number, hi: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = lo + (hi - lo) * next();
  return out;
}

/** The f32 inputs of a case, in the order the kernel takes them. */
export function inputsOf(c: Case): Float32Array[] {
  const next = rng(seedOf(c.name));
  switch (c.kind) {
    case 'matmul':
      return [uniform(next, c.m * c.k, -1, 1), uniform(next, c.k * c.n, -1, 1)];
    case 'conv2d': {
      const { n, c: ch, h, wIn, f, kh, kw } = c.dims;
      const x = uniform(next, n * ch * h * wIn, -1, 1);
      const w = uniform(next, f * ch * kh * kw, -1, 1);
      return c.bias ? [x, w, uniform(next, f, -1, 1)] : [x, w];
    }
    case 'pool2d': {
      const { n, c: ch, h, w } = c.dims;
      return [uniform(next, n * ch * h * w, -2, 2)];
    }
    case 'unary': {
      const positive = c.op === 'log' || c.op === 'sqrt';
      return [uniform(next, c.length, positive ? 0.05 : -4, 4)];
    }
    case 'binary': {
      const a = uniform(next, c.length, -2, 2);
      const b = uniform(next, c.length, -2, 2);
      // Keep divisors away from 0.
      if (c.op === 'div')
        for (let i = 0; i < b.length; i++)
          b[i] = (b[i] as number) < 0 ? (b[i] as number) - 0.5 : (b[i] as number) + 0.5;
      if (c.nans) {
        for (let i = 0; i < c.length; i += 3) a[i] = Number.NaN;
        for (let i = 1; i < c.length; i += 4) b[i] = Number.NaN;
      }
      return [a, b];
    }
    case 'reduce':
      return [uniform(next, c.outer * c.size * c.inner, -1, 1)];
  }
}

const U = 2 ** -24;

function absolute(x: Float32Array): Float32Array {
  return x.map(Math.abs);
}

/** The float64 reference output and the allowed error per element. */
export function referenceOf(c: Case): { expected: Float64Array; tolerance: Float64Array } {
  const inputs = inputsOf(c);
  const [x, y, z] = inputs as [Float32Array, Float32Array, Float32Array | undefined];
  switch (c.kind) {
    case 'matmul': {
      const { m, k, n } = c;
      const expected = new Float64Array(m * n);
      const scale = new Float64Array(m * n);
      matmulJs({ a: x, b: y, out: expected, m, k, n });
      matmulJs({ a: absolute(x), b: absolute(y), out: scale, m, k, n });
      return { expected, tolerance: scale.map((s) => (k + 2) * U * s + 1e-7) };
    }
    case 'conv2d': {
      const d = c.dims;
      const length = d.n * d.f * d.outH * d.outW;
      const expected = new Float64Array(length);
      const scale = new Float64Array(length);
      conv2dJs({ ...d, x, w: y, bias: z, out: expected });
      conv2dJs({ ...d, x: absolute(x), w: absolute(y), bias: z && absolute(z), out: scale });
      const taps = d.c * d.kh * d.kw;
      return { expected, tolerance: scale.map((s) => (taps + 3) * U * s + 1e-7) };
    }
    case 'pool2d': {
      const d = c.dims;
      const length = d.n * d.c * d.outH * d.outW;
      const expected = new Float64Array(length);
      pool2dJs({ ...d, kind: c.pool, x, out: expected });
      if (c.pool === 'max') return { expected, tolerance: new Float64Array(length) };
      const scale = new Float64Array(length);
      pool2dJs({ ...d, kind: 'avg', x: absolute(x), out: scale });
      const area = d.kh * d.kw;
      return { expected, tolerance: scale.map((s) => (area + 2) * U * s + 1e-7) };
    }
    case 'unary': {
      const expected = new Float64Array(c.length);
      unaryJs({ op: c.op, x, out: expected });
      return { expected, tolerance: expected.map((r) => 2e-6 * Math.abs(r) + 1e-6) };
    }
    case 'binary': {
      const expected = new Float64Array(c.length);
      binaryJs({ op: c.op, a: x, b: y, out: expected });
      return { expected, tolerance: expected.map((r) => 4e-7 * Math.abs(r)) };
    }
    case 'reduce': {
      const { op, outer, size, inner } = c;
      const expected = new Float64Array(outer * inner);
      reduceJs({ op, x, out: expected, outer, size, inner });
      if (op !== 'sum') return { expected, tolerance: new Float64Array(outer * inner) };
      const scale = new Float64Array(outer * inner);
      reduceJs({ op, x: absolute(x), out: scale, outer, size, inner });
      return { expected, tolerance: scale.map((s) => (size + 1) * U * s + 1e-7) };
    }
  }
}

/** The first element out of tolerance, described for a test failure; null when all agree. */
export function firstMismatch(
  name: string,
  got: Float32Array,
  expected: Float64Array,
  tolerance: Float64Array,
): string | null {
  if (got.length !== expected.length) {
    return `${name}: expected ${expected.length} elements, got ${got.length}`;
  }
  for (let i = 0; i < got.length; i++) {
    const g = got[i] as number;
    const r = expected[i] as number;
    const t = tolerance[i] as number;
    const ok = Number.isNaN(r) ? Number.isNaN(g) : Number.isFinite(r) ? Math.abs(g - r) <= t : g === r;
    if (!ok) return `${name}: element ${i} expected ${r} (tolerance ${t.toExponential(2)}), got ${g}`;
  }
  return null;
}
