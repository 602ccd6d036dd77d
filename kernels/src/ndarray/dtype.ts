import type { FloatDType } from '../backend/kernel-types.ts';
import { DTypeError } from './errors.ts';

/** The element types an NDArray can hold. `bool` is stored as 0/1 in a Uint8Array. */
export type DType = 'float64' | 'float32' | 'int32' | 'bool';

/** The storage of an NDArray, one typed array per dtype. */
export type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array;

export const DTYPES: readonly DType[] = ['float64', 'float32', 'int32', 'bool'];

/** Arrays up to this size come from a slab when slabs are on. */
const SLAB_ITEM_BYTES = 128 * 1024;
const SLAB_BYTES = 2 * 1024 * 1024;
let slabs = false;
let slab: ArrayBuffer | null = null;
let slabUsed = 0;

/**
 * Storage from slabs: small arrays become views into shared 2 MiB ArrayBuffers instead of one
 * ArrayBuffer each. A browser pays a fixed cost per ArrayBuffer (measured here in Chromium: about
 * 55 us for any size, 400 us in a worker), which dominated a training step of small layers. A
 * slab is freed when none of its arrays is reachable. Off by default: never for arrays that cross
 * a sandbox or worker boundary as buffers (a view's buffer holds its neighbours). The lab's worker
 * turns it on.
 */
export function setStorageSlabs(on: boolean): void {
  slabs = on;
  slab = null;
  slabUsed = 0;
}

function fromSlab(bytesPerElement: number, length: number): ArrayBuffer | null {
  const bytes = bytesPerElement * length;
  if (!slabs || bytes === 0 || bytes > SLAB_ITEM_BYTES) return null;
  const start = (slabUsed + 7) & ~7;
  if (slab === null || start + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
    return fromSlab(bytesPerElement, length);
  }
  slabUsed = start + bytes;
  return slab;
}

/**
 * A step arena: while it is open, small arrays come from slabs that the next `beginStepArena()`
 * hands out again from the start, and large arrays from buffers kept by size that the next step
 * hands out again in the same order. A training loop opens one around each step: the step's many
 * short-lived arrays (activations, caches, gradients) reuse the same memory every step instead of
 * fresh memory, whose first writes a browser pays for page by page (and a fresh large buffer
 * each op also costs a garbage collection now and then). Whatever outlives the step (the
 * parameters, the optimizer's state) must be copied out before the next step begins:
 * `inStepArena(array.data)` says whether an array lives there.
 */
const arena = {
  slabs: [] as ArrayBuffer[],
  index: 0,
  used: 0,
  open: false,
  /** large buffers by byte length, and how many of each this step has handed out */
  large: new Map<number, { buffers: ArrayBuffer[]; next: number }>(),
  largeBytes: 0,
  /** every buffer of the arena, slabs and large ones */
  buffers: new Set<ArrayBuffer>(),
};
/** The large buffers of the arena stop growing here; beyond it, large arrays get their own storage. */
const ARENA_LARGE_BYTES = 256 * 1024 * 1024;

/** Opens the step arena; the arrays of the previous step's arena are overwritten from now on. */
export function beginStepArena(): void {
  arena.index = 0;
  arena.used = 0;
  for (const pool of arena.large.values()) pool.next = 0;
  arena.open = true;
}

/** Closes the step arena: allocations go back to their own storage. */
export function endStepArena(): void {
  arena.open = false;
}

/** Whether a storage lives in the step arena (and so is overwritten by the next step). */
export function inStepArena(data: TypedArray): boolean {
  return arena.buffers.has(data.buffer as ArrayBuffer);
}

/**
 * A view of `bytes` bytes from the open arena, zero-filled unless `zeroed` is false; null when it
 * is not for the arena.
 */
function fromArena(bytes: number, zeroed: boolean): { buffer: ArrayBuffer; offset: number } | null {
  if (!arena.open || bytes === 0) return null;
  if (bytes > SLAB_ITEM_BYTES) return fromLargePool(bytes, zeroed);
  let start = (arena.used + 7) & ~7;
  if (start + bytes > SLAB_BYTES) {
    arena.index += 1;
    start = 0;
  }
  if (arena.index === arena.slabs.length) {
    const slab = new ArrayBuffer(SLAB_BYTES);
    arena.slabs.push(slab);
    arena.buffers.add(slab);
  }
  const buffer = arena.slabs[arena.index] as ArrayBuffer;
  arena.used = start + bytes;
  // reused memory holds the previous step's values
  if (zeroed) new Uint8Array(buffer, start, bytes).fill(0);
  return { buffer, offset: start };
}

/** The next large buffer of exactly `bytes` bytes this step (zeroed if asked); null once the pool is full. */
function fromLargePool(bytes: number, zeroed: boolean): { buffer: ArrayBuffer; offset: number } | null {
  let pool = arena.large.get(bytes);
  if (pool === undefined) {
    pool = { buffers: [], next: 0 };
    arena.large.set(bytes, pool);
  }
  let buffer = pool.buffers[pool.next];
  if (buffer === undefined) {
    if (arena.largeBytes + bytes > ARENA_LARGE_BYTES) return null;
    buffer = new ArrayBuffer(bytes);
    pool.buffers.push(buffer);
    arena.buffers.add(buffer);
    arena.largeBytes += bytes;
  } else if (zeroed) new Uint8Array(buffer).fill(0);
  pool.next += 1;
  return { buffer, offset: 0 };
}

/**
 * A zero-filled storage of `length` elements of `dtype`. A caller that writes every element
 * itself may pass `zeroed` false: memory reused from the step arena then keeps the previous
 * step's values instead of being cleared (fresh memory is zero anyway).
 */
export function allocate(dtype: DType, length: number, zeroed = true): TypedArray {
  const bytesPer = dtype === 'float64' ? 8 : dtype === 'bool' ? 1 : 4;
  const at = fromArena(bytesPer * length, zeroed);
  if (at) {
    switch (dtype) {
      case 'float64':
        return new Float64Array(at.buffer, at.offset, length);
      case 'float32':
        return new Float32Array(at.buffer, at.offset, length);
      case 'int32':
        return new Int32Array(at.buffer, at.offset, length);
      case 'bool':
        return new Uint8Array(at.buffer, at.offset, length);
    }
  }
  switch (dtype) {
    case 'float64': {
      const from = fromSlab(8, length);
      return from ? new Float64Array(from, slabUsed - 8 * length, length) : new Float64Array(length);
    }
    case 'float32': {
      const from = fromSlab(4, length);
      return from ? new Float32Array(from, slabUsed - 4 * length, length) : new Float32Array(length);
    }
    case 'int32': {
      const from = fromSlab(4, length);
      return from ? new Int32Array(from, slabUsed - 4 * length, length) : new Int32Array(length);
    }
    case 'bool': {
      const from = fromSlab(1, length);
      return from ? new Uint8Array(from, slabUsed - length, length) : new Uint8Array(length);
    }
  }
}

/** The dtype stored in a typed array (realm-independent: reads the type's tag). */
export function dtypeOf(data: TypedArray): DType {
  switch (data[Symbol.toStringTag]) {
    case 'Float64Array':
      return 'float64';
    case 'Float32Array':
      return 'float32';
    case 'Int32Array':
      return 'int32';
    case 'Uint8Array':
      return 'bool';
    default:
      throw new DTypeError(`unsupported storage ${data[Symbol.toStringTag]}`);
  }
}

/** Checks a dtype name given by a user. */
export function checkDType(dtype: string, op: string): DType {
  if ((DTYPES as readonly string[]).includes(dtype)) return dtype as DType;
  throw new DTypeError(`${op}: unknown dtype "${dtype}"; expected one of ${DTYPES.join(', ')}`);
}

export function isFloat(dtype: DType): dtype is FloatDType {
  return dtype === 'float64' || dtype === 'float32';
}

/**
 * The dtype both operands are converted to, as NumPy's `promote_types` restricted to our dtypes:
 * bool < int32 < float32 < float64, except that int32 with float32 gives float64.
 */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a === 'bool') return b;
  if (b === 'bool') return a;
  return 'float64';
}

/** The dtype arithmetic is done in: bool operands count as int32. */
export function arithmeticType(dtype: DType): DType {
  return dtype === 'bool' ? 'int32' : dtype;
}

/** The float dtype of a float-valued function (exp, mean, division): float32 stays, the rest go to float64. */
export function floatType(dtype: DType): FloatDType {
  return dtype === 'float32' ? 'float32' : 'float64';
}

/**
 * Converts a storage to another dtype: float to int32 truncates toward zero, anything to bool
 * is `value !== 0` (NaN is true). Returns a new array.
 */
export function castData(src: ArrayLike<number>, dtype: DType): TypedArray {
  const out = allocate(dtype, src.length);
  if (dtype === 'bool') {
    for (let i = 0; i < src.length; i++) out[i] = (src[i] as number) !== 0 ? 1 : 0;
  } else if (dtype === 'int32') {
    for (let i = 0; i < src.length; i++) out[i] = Math.trunc(src[i] as number);
  } else {
    for (let i = 0; i < src.length; i++) out[i] = src[i] as number;
  }
  return out;
}
