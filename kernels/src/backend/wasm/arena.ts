/**
 * The scratch arena over a WebAssembly memory: every kernel call allocates its operands and
 * scratch from `base` upwards, grows the memory once to that call's top if it does not fit,
 * and resets to `base` when it returns. The memory therefore only ever grows to the largest
 * single call's footprint (WebAssembly memory cannot shrink).
 */

const PAGE = 65536;
const MAX_BYTES = 2 ** 32;

export class WasmArena {
  private top: number;

  constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly base: number,
  ) {
    this.top = base;
  }

  /** Reserves `bytes` (16-byte aligned) and returns the offset. Call commit() before using it. */
  alloc(bytes: number): number {
    const ptr = (this.top + 15) & ~15;
    this.top = ptr + bytes;
    return ptr;
  }

  /** Grows the memory to cover everything allocated since the last reset. */
  commit(): void {
    if (this.top > MAX_BYTES) {
      const mib = Math.ceil(this.top / 2 ** 20);
      this.reset();
      throw new RangeError(
        `wasm kernel needs ${mib} MiB of memory, more than the 4 GiB a wasm32 memory holds`,
      );
    }
    const have = this.memory.buffer.byteLength;
    if (this.top > have) this.memory.grow(Math.ceil((this.top - have) / PAGE));
  }

  reset(): void {
    this.top = this.base;
  }

  get byteLength(): number {
    return this.memory.buffer.byteLength;
  }

  /** Copies `src` into the arena at `ptr` as `dtype` elements (converting if src's type differs). */
  write(ptr: number, src: Float32Array | Float64Array, f32: boolean): void {
    const view = f32
      ? new Float32Array(this.memory.buffer, ptr, src.length)
      : new Float64Array(this.memory.buffer, ptr, src.length);
    view.set(src);
  }

  /** Copies `dst.length` elements at `ptr` out into `dst`. */
  read(ptr: number, dst: Float32Array | Float64Array, f32: boolean): void {
    const view = f32
      ? new Float32Array(this.memory.buffer, ptr, dst.length)
      : new Float64Array(this.memory.buffer, ptr, dst.length);
    dst.set(view);
  }
}
