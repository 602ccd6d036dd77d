import type {
  BinaryArgs,
  BinaryOp,
  Conv2dArgs,
  FloatArray,
  KernelConfig,
  MatmulArgs,
  Pool2dArgs,
  ReduceArgs,
  UnaryArgs,
  UnaryOp,
} from '../kernel-types.ts';
import { registerKernel } from '../registry.ts';
import { wasmAvailable, wasmKernelModule } from './instance.ts';

/**
 * The `wasm` backend: each kernel copies its operands into the module's arena, runs one SIMD
 * export (assembly/), copies the result into `out`, and resets the arena. The dtype is `out`'s;
 * inputs of the other float type are converted on the way in.
 */

const unaryCodes: Record<UnaryOp, number> = {
  neg: 0,
  exp: 1,
  log: 2,
  sqrt: 3,
  tanh: 4,
  abs: 5,
  relu: 6,
  sigmoid: 7,
  square: 8,
};
const binaryCodes: Record<BinaryOp, number> = { add: 0, sub: 1, mul: 2, div: 3, max: 4, min: 5 };
const reduceCodes = { sum: 0, max: 1, min: 2 } as const;

function expectLength(kernel: string, name: string, array: FloatArray, expected: number): void {
  if (array.length !== expected) {
    throw new RangeError(`wasm ${kernel}: ${name} has ${array.length} elements, expected ${expected}`);
  }
}

/** Runs `body` with the arena reset afterwards, whatever happens. */
function withArena<R>(body: (module: ReturnType<typeof wasmKernelModule>) => R): R {
  const module = wasmKernelModule();
  module.arena.reset();
  try {
    return body(module);
  } finally {
    module.arena.reset();
  }
}

export function matmulWasm({ a, b, out, m, k, n }: MatmulArgs): void {
  expectLength('matmul', 'a', a, m * k);
  expectLength('matmul', 'b', b, k * n);
  expectLength('matmul', 'out', out, m * n);
  if (out.length === 0) return;
  const f32 = out instanceof Float32Array;
  const sz = f32 ? 4 : 8;
  withArena(({ exports: x, arena }) => {
    const pa = arena.alloc(a.length * sz);
    const pb = arena.alloc(b.length * sz);
    const pc = arena.alloc(out.length * sz);
    const ps = arena.alloc(f32 ? x.matmulScratchF32(m, k, n) : x.matmulScratchF64(m, k, n));
    arena.commit();
    arena.write(pa, a, f32);
    arena.write(pb, b, f32);
    (f32 ? x.matmulF32 : x.matmulF64)(pa, pb, pc, m, k, n, ps);
    arena.read(pc, out, f32);
  });
}

export function conv2dWasm(args: Conv2dArgs): void {
  const { x, w, bias, out, n, c, h, wIn, f, kh, kw, stride, pad, outH, outW } = args;
  expectLength('conv2d', 'x', x, n * c * h * wIn);
  expectLength('conv2d', 'w', w, f * c * kh * kw);
  if (bias) expectLength('conv2d', 'bias', bias, f);
  expectLength('conv2d', 'out', out, n * f * outH * outW);
  if (out.length === 0) return;
  const f32 = out instanceof Float32Array;
  const sz = f32 ? 4 : 8;
  withArena(({ exports: e, arena }) => {
    const px = arena.alloc(x.length * sz);
    const pw = arena.alloc(w.length * sz);
    const pbias = arena.alloc(bias ? bias.length * sz : 0);
    const pout = arena.alloc(out.length * sz);
    const geometry = [c, f, kh, kw, stride, pad, outH, outW] as const;
    const ps = arena.alloc(f32 ? e.conv2dScratchF32(...geometry) : e.conv2dScratchF64(...geometry));
    arena.commit();
    arena.write(px, x, f32);
    arena.write(pw, w, f32);
    if (bias) arena.write(pbias, bias, f32);
    (f32 ? e.conv2dF32 : e.conv2dF64)(
      px,
      pw,
      pbias,
      bias ? 1 : 0,
      pout,
      n,
      c,
      h,
      wIn,
      f,
      kh,
      kw,
      stride,
      pad,
      outH,
      outW,
      ps,
    );
    arena.read(pout, out, f32);
  });
}

export function pool2dWasm({ kind, x, out, n, c, h, w, kh, kw, stride, outH, outW }: Pool2dArgs): void {
  expectLength('pool2d', 'x', x, n * c * h * w);
  expectLength('pool2d', 'out', out, n * c * outH * outW);
  if (out.length === 0) return;
  const f32 = out instanceof Float32Array;
  const sz = f32 ? 4 : 8;
  withArena(({ exports: e, arena }) => {
    const px = arena.alloc(x.length * sz);
    const pout = arena.alloc(out.length * sz);
    arena.commit();
    arena.write(px, x, f32);
    (f32 ? e.pool2dF32 : e.pool2dF64)(
      kind === 'max' ? 1 : 0,
      px,
      pout,
      n * c,
      h,
      w,
      kh,
      kw,
      stride,
      outH,
      outW,
    );
    arena.read(pout, out, f32);
  });
}

export function unaryWasm({ op, x, out }: UnaryArgs): void {
  expectLength(`unary ${op}`, 'out', out, x.length);
  if (out.length === 0) return;
  const f32 = out instanceof Float32Array;
  const sz = f32 ? 4 : 8;
  withArena(({ exports: e, arena }) => {
    const px = arena.alloc(x.length * sz);
    const pout = arena.alloc(out.length * sz);
    arena.commit();
    arena.write(px, x, f32);
    (f32 ? e.unaryF32 : e.unaryF64)(unaryCodes[op], px, pout, out.length);
    arena.read(pout, out, f32);
  });
}

export function binaryWasm({ op, a, b, out }: BinaryArgs): void {
  expectLength(`binary ${op}`, 'a', a, out.length);
  expectLength(`binary ${op}`, 'b', b, out.length);
  if (out.length === 0) return;
  const f32 = out instanceof Float32Array;
  const sz = f32 ? 4 : 8;
  withArena(({ exports: e, arena }) => {
    const pa = arena.alloc(a.length * sz);
    const pb = arena.alloc(b.length * sz);
    const pout = arena.alloc(out.length * sz);
    arena.commit();
    arena.write(pa, a, f32);
    arena.write(pb, b, f32);
    (f32 ? e.binaryF32 : e.binaryF64)(binaryCodes[op], pa, pb, pout, out.length);
    arena.read(pout, out, f32);
  });
}

export function reduceWasm({ op, x, out, outer, size, inner }: ReduceArgs): void {
  expectLength(`reduce ${op}`, 'x', x, outer * size * inner);
  expectLength(`reduce ${op}`, 'out', out, outer * inner);
  if (out.length === 0) return;
  const f32 = out instanceof Float32Array;
  const sz = f32 ? 4 : 8;
  withArena(({ exports: e, arena }) => {
    const px = arena.alloc(x.length * sz);
    const pout = arena.alloc(out.length * sz);
    arena.commit();
    arena.write(px, x, f32);
    (f32 ? e.reduceF32 : e.reduceF64)(reduceCodes[op], px, pout, outer, size, inner);
    arena.read(pout, out, f32);
  });
}

const both = ['float32', 'float64'] as const;
export const wasmKernels: KernelConfig[] = [
  { kernelName: 'matmul', backendName: 'wasm', dtypes: both, kernelFunc: matmulWasm },
  { kernelName: 'conv2d', backendName: 'wasm', dtypes: both, kernelFunc: conv2dWasm },
  { kernelName: 'pool2d', backendName: 'wasm', dtypes: both, kernelFunc: pool2dWasm },
  { kernelName: 'unary', backendName: 'wasm', dtypes: both, kernelFunc: unaryWasm },
  { kernelName: 'binary', backendName: 'wasm', dtypes: both, kernelFunc: binaryWasm },
  { kernelName: 'reduce', backendName: 'wasm', dtypes: both, kernelFunc: reduceWasm },
] as KernelConfig[];

/**
 * Registers the wasm kernels when this runtime can run them (WebAssembly with SIMD) and says
 * whether it did; without them, resolveKernel keeps falling back to `js`.
 */
export function registerWasmBackend(): boolean {
  if (!wasmAvailable()) return false;
  for (const config of wasmKernels) registerKernel(config);
  return true;
}
