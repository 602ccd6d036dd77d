import type { BinaryOp, Pool2dArgs, UnaryOp } from '../kernel-types.ts';
import { GpuContext, type GpuStats, type GpuTensor } from './gpu-context.ts';
import { type Conv2dDims, type Pool2dDims, type ReduceOp, WebGpuOps } from './ops.ts';

/** What the adapter says about itself; strings are empty where the browser withholds them. */
export interface WebGpuAdapterSummary {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** True for software adapters such as SwiftShader. */
  isFallbackAdapter: boolean;
}

/**
 * The WebGPU backend (float32). Two levels:
 *
 * - One-shot kernels mirroring the contract (`matmul`, `conv2d`, ...): upload, run, read back,
 *   free. Convenient, but every call pays a round trip.
 * - The batched API for training and benchmarks: `upload` tensors once, record kernels with
 *   `ops.*` (nothing is submitted or read back), then `read` the results you need; `release`
 *   tensors you no longer need.
 *
 * ```ts
 * const a = gpu.upload(aData), b = gpu.upload(bData);
 * const h = gpu.ops.matmul(a, b, m, k, n);
 * const y = gpu.ops.unary('relu', h);
 * const result = await gpu.read(y);   // one submit, one copy back
 * gpu.release(a, b, h, y);
 * ```
 */
export class WebGpuBackend {
  readonly ops: WebGpuOps;
  private readonly ctx: GpuContext;

  constructor(
    readonly device: GPUDevice,
    readonly adapter: WebGpuAdapterSummary,
    log: (msg: string) => void,
  ) {
    this.ctx = new GpuContext(device, log);
    this.ops = new WebGpuOps(this.ctx);
  }

  // ---- batched API ----------------------------------------------------------------------

  /** Copies data into a new GPU tensor. */
  upload(data: Float32Array): GpuTensor {
    return this.ctx.upload(data);
  }

  /** A new zero-filled GPU tensor. */
  alloc(length: number): GpuTensor {
    return this.ctx.alloc(length);
  }

  /** Overwrites a tensor (e.g. the next mini-batch) after the work recorded so far. */
  write(tensor: GpuTensor, data: Float32Array): void {
    this.ctx.write(tensor, data);
  }

  /** Submits the recorded work and copies one tensor back. */
  read(tensor: GpuTensor): Promise<Float32Array> {
    return this.ctx.read(tensor);
  }

  /** Frees tensors; safe while recorded work still uses them (freed after it is submitted). */
  release(...tensors: GpuTensor[]): void {
    this.ctx.release(...tensors);
  }

  /** Submits the recorded work without waiting. */
  flush(): void {
    this.ctx.flush();
  }

  /** Submits the recorded work and waits until the GPU has finished it. */
  sync(): Promise<void> {
    return this.ctx.sync();
  }

  stats(): GpuStats {
    return this.ctx.stats();
  }

  /** Frees the cached buffers and the device. The backend cannot be used afterwards. */
  destroy(): void {
    this.ctx.destroy();
  }

  // ---- one-shot kernels (the contract's kernels, async, Float32Array in and out) ----------

  matmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Promise<Float32Array> {
    return this.oneShot([a, b], ([ta, tb]) => this.ops.matmul(ta, tb, m, k, n));
  }

  conv2d(
    x: Float32Array,
    w: Float32Array,
    bias: Float32Array | undefined,
    dims: Conv2dDims,
  ): Promise<Float32Array> {
    const inputs = bias ? [x, w, bias] : [x, w];
    return this.oneShot(inputs, ([tx, tw, tb]) => this.ops.conv2d(tx, tw, tb, dims));
  }

  pool2d(kind: Pool2dArgs['kind'], x: Float32Array, dims: Pool2dDims): Promise<Float32Array> {
    return this.oneShot([x], ([tx]) => this.ops.pool2d(kind, tx, dims));
  }

  unary(op: UnaryOp, x: Float32Array): Promise<Float32Array> {
    return this.oneShot([x], ([tx]) => this.ops.unary(op, tx));
  }

  binary(op: BinaryOp, a: Float32Array, b: Float32Array): Promise<Float32Array> {
    return this.oneShot([a, b], ([ta, tb]) => this.ops.binary(op, ta, tb));
  }

  reduce(op: ReduceOp, x: Float32Array, outer: number, size: number, inner: number): Promise<Float32Array> {
    return this.oneShot([x], ([tx]) => this.ops.reduce(op, tx, outer, size, inner));
  }

  private async oneShot(
    inputs: Float32Array[],
    run: (tensors: [GpuTensor, GpuTensor, GpuTensor | undefined]) => GpuTensor,
  ): Promise<Float32Array> {
    const tensors = inputs.map((data) => this.ctx.upload(data));
    let result: GpuTensor | undefined;
    try {
      result = run(tensors as [GpuTensor, GpuTensor, GpuTensor | undefined]);
      return await this.ctx.read(result);
    } finally {
      this.ctx.release(...tensors);
      if (result) this.ctx.release(result);
    }
  }
}
