import { setBackendLoader } from '../../ndarray/dispatch.ts';
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
import { type WasmKernelExports, wasmAvailable, wasmKernelModule } from './instance.ts';

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

interface Pointers {
  /** one per input, in order (an absent optional input gets an empty block) */
  inputs: number[];
  out: number;
  scratch: number;
}

/**
 * The shape of every wasm kernel call: reserve the inputs, the output and any scratch in the
 * arena, copy the inputs in (converted to the dtype of `out`), run the export, copy `out` back.
 */
function runInArena(
  out: FloatArray,
  inputs: readonly (FloatArray | undefined)[],
  run: (e: WasmKernelExports, f32: boolean, p: Pointers) => void,
  scratchBytes: (e: WasmKernelExports, f32: boolean) => number = () => 0,
): void {
  if (out.length === 0) return;
  const f32 = out instanceof Float32Array;
  const size = f32 ? 4 : 8;
  withArena(({ exports: e, arena }) => {
    const pointers: Pointers = {
      inputs: inputs.map((input) => arena.alloc((input?.length ?? 0) * size)),
      out: arena.alloc(out.length * size),
      scratch: 0,
    };
    pointers.scratch = arena.alloc(scratchBytes(e, f32));
    arena.commit();
    inputs.forEach((input, i) => {
      if (input) arena.write(pointers.inputs[i] as number, input, f32);
    });
    run(e, f32, pointers);
    arena.read(pointers.out, out, f32);
  });
}

export function matmulWasm({ a, b, out, m, k, n }: MatmulArgs): void {
  expectLength('matmul', 'a', a, m * k);
  expectLength('matmul', 'b', b, k * n);
  expectLength('matmul', 'out', out, m * n);
  runInArena(
    out,
    [a, b],
    (e, f32, { inputs: [pa = 0, pb = 0], out: pc, scratch }) =>
      (f32 ? e.matmulF32 : e.matmulF64)(pa, pb, pc, m, k, n, scratch),
    (e, f32) => (f32 ? e.matmulScratchF32(m, k, n) : e.matmulScratchF64(m, k, n)),
  );
}

export function conv2dWasm(args: Conv2dArgs): void {
  const { x, w, bias, out, n, c, h, wIn, f, kh, kw, stride, pad, outH, outW } = args;
  expectLength('conv2d', 'x', x, n * c * h * wIn);
  expectLength('conv2d', 'w', w, f * c * kh * kw);
  if (bias) expectLength('conv2d', 'bias', bias, f);
  expectLength('conv2d', 'out', out, n * f * outH * outW);
  const geometry = [c, f, kh, kw, stride, pad, outH, outW] as const;
  runInArena(
    out,
    [x, w, bias],
    (e, f32, { inputs: [px = 0, pw = 0, pbias = 0], out: pout, scratch }) =>
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
        scratch,
      ),
    (e, f32) => (f32 ? e.conv2dScratchF32(...geometry) : e.conv2dScratchF64(...geometry)),
  );
}

export function pool2dWasm({ kind, x, out, n, c, h, w, kh, kw, stride, outH, outW }: Pool2dArgs): void {
  expectLength('pool2d', 'x', x, n * c * h * w);
  expectLength('pool2d', 'out', out, n * c * outH * outW);
  runInArena(out, [x], (e, f32, { inputs: [px = 0], out: pout }) =>
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
    ),
  );
}

export function unaryWasm({ op, x, out }: UnaryArgs): void {
  expectLength(`unary ${op}`, 'out', out, x.length);
  runInArena(out, [x], (e, f32, { inputs: [px = 0], out: pout }) =>
    (f32 ? e.unaryF32 : e.unaryF64)(unaryCodes[op], px, pout, out.length),
  );
}

export function binaryWasm({ op, a, b, out }: BinaryArgs): void {
  expectLength(`binary ${op}`, 'a', a, out.length);
  expectLength(`binary ${op}`, 'b', b, out.length);
  runInArena(out, [a, b], (e, f32, { inputs: [pa = 0, pb = 0], out: pout }) =>
    (f32 ? e.binaryF32 : e.binaryF64)(binaryCodes[op], pa, pb, pout, out.length),
  );
}

export function reduceWasm({ op, x, out, outer, size, inner }: ReduceArgs): void {
  expectLength(`reduce ${op}`, 'x', x, outer * size * inner);
  expectLength(`reduce ${op}`, 'out', out, outer * inner);
  runInArena(out, [x], (e, f32, { inputs: [px = 0], out: pout }) =>
    (f32 ? e.reduceF32 : e.reduceF64)(reduceCodes[op], px, pout, outer, size, inner),
  );
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

setBackendLoader('wasm', registerWasmBackend);
