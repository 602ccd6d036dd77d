import { wasmBase64 } from '../../../generated/wasm-binary.ts';
import { WasmArena } from './arena.ts';
import { decodeBase64 } from './base64.ts';

/** The exports of assembly/index.ts (pointers are byte offsets into `memory`). */
export interface WasmKernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  matmulScratchF32(m: number, k: number, n: number): number;
  matmulScratchF64(m: number, k: number, n: number): number;
  matmulF32(a: number, b: number, c: number, m: number, k: number, n: number, scratch: number): void;
  matmulF64(a: number, b: number, c: number, m: number, k: number, n: number, scratch: number): void;
  conv2dScratchF32(...geometry: ConvGeometry): number;
  conv2dScratchF64(...geometry: ConvGeometry): number;
  conv2dF32(...args: ConvCall): void;
  conv2dF64(...args: ConvCall): void;
  pool2dF32(...args: PoolCall): void;
  pool2dF64(...args: PoolCall): void;
  unaryF32(op: number, x: number, out: number, len: number): void;
  unaryF64(op: number, x: number, out: number, len: number): void;
  binaryF32(op: number, a: number, b: number, out: number, len: number): void;
  binaryF64(op: number, a: number, b: number, out: number, len: number): void;
  reduceF32(op: number, x: number, out: number, outer: number, size: number, inner: number): void;
  reduceF64(op: number, x: number, out: number, outer: number, size: number, inner: number): void;
}

/** c, f, kh, kw, stride, pad, outH, outW */
type ConvGeometry = [number, number, number, number, number, number, number, number];
/** x, w, bias, hasBias, out, n, c, h, wIn, f, kh, kw, stride, pad, outH, outW, scratch */
type ConvCall = [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];
/** isMax, x, out, planes, h, w, kh, kw, stride, outH, outW */
type PoolCall = [number, number, number, number, number, number, number, number, number, number, number];

export interface WasmKernelModule {
  exports: WasmKernelExports;
  arena: WasmArena;
}

let loaded: WasmKernelModule | undefined;
let failure: Error | undefined;

const imports: WebAssembly.Imports = {
  env: {
    abort(_message: number, _file: number, line: number, column: number): never {
      throw new Error(`wasm kernel aborted at assembly line ${line}:${column}`);
    },
  },
};

function fromInstance(instance: WebAssembly.Instance): WasmKernelModule {
  const exports = instance.exports as unknown as WasmKernelExports;
  return { exports, arena: new WasmArena(exports.memory, exports.heapBase()) };
}

function instantiate(): WasmKernelModule {
  // Synchronous on purpose: async instantiate hangs inside an isolated-vm isolate. (A browser's
  // main thread refuses this for a module of this size: it calls loadWasmKernels first.)
  const module = new WebAssembly.Module(decodeBase64(wasmBase64));
  return fromInstance(new WebAssembly.Instance(module, imports));
}

/**
 * Instantiates the kernel module asynchronously, for a browser's main thread, where synchronous
 * compilation of a module this size is refused; afterwards setBackend('wasm') works there too.
 * Resolves to whether the kernels are available.
 */
export async function loadWasmKernels(): Promise<boolean> {
  if (loaded) return true;
  if (typeof WebAssembly !== 'object') return false;
  try {
    const { instance } = await WebAssembly.instantiate(decodeBase64(wasmBase64), imports);
    loaded ??= fromInstance(instance);
    failure = undefined;
    return true;
  } catch {
    return false;
  }
}

/** The instantiated kernel module (instantiated once, synchronously, on first use). */
export function wasmKernelModule(): WasmKernelModule {
  if (loaded) return loaded;
  if (failure) throw failure;
  try {
    loaded = instantiate();
    return loaded;
  } catch (error) {
    failure = new Error(
      `the wasm kernels could not be instantiated (this runtime needs WebAssembly with SIMD): ${String(error)}`,
    );
    throw failure;
  }
}

/** Whether this runtime can run the wasm kernels (WebAssembly with SIMD128). */
export function wasmAvailable(): boolean {
  if (typeof WebAssembly !== 'object') return false;
  try {
    wasmKernelModule();
    return true;
  } catch {
    return false;
  }
}
