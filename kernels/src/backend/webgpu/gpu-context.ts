/**
 * The small backend interface every kernel goes through (after jax-js / llm.c): allocate,
 * dispatch, read. It owns the device's buffers, the pipeline cache and the command encoder
 * that collects work until the next `flush`, so a sequence of kernels runs with no readback.
 */

/** GPUBufferUsage / GPUMapMode bits, spelled out so the module needs no WebGPU globals (Node). */
const USAGE = { MAP_READ: 0x1, COPY_SRC: 0x4, COPY_DST: 0x8, UNIFORM: 0x40, STORAGE: 0x80 } as const;
const MAP_MODE_READ = 0x1;
/** Param buffers kept for reuse (same shapes every training step); cleared past this many. */
const UNIFORM_CACHE_LIMIT = 512;

/** A float32 vector living in a GPU storage buffer. Give it back with `release` when done. */
export class GpuTensor {
  #released = false;
  constructor(
    readonly buffer: GPUBuffer,
    readonly length: number,
  ) {}
  get released(): boolean {
    return this.#released;
  }
  /** @internal */
  markReleased(): void {
    this.#released = true;
  }
}

export interface GpuStats {
  /** Buffers created and not yet destroyed (tensors, cached params, staging). */
  liveBuffers: number;
  /** Compiled compute pipelines (one per kernel variant, created once). */
  pipelines: number;
  /** Compute dispatches recorded since the backend was created. */
  dispatches: number;
  /** Queue submissions (each `read`, `sync` or `flush` with pending work makes one). */
  submits: number;
  /** Validation or device errors reported by WebGPU; 0 in a healthy run. */
  errors: number;
}

export class GpuContext {
  readonly maxWorkgroupsPerDimension: number;
  private readonly pipelines = new Map<string, GPUComputePipeline>();
  private readonly uniforms = new Map<string, GPUBuffer>();
  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  /** Buffers to destroy once the work that uses them has been submitted. */
  private afterSubmit: GPUBuffer[] = [];
  private live = 0;
  private dispatchCount = 0;
  private errorCount = 0;
  private submitCount = 0;

  constructor(
    readonly device: GPUDevice,
    private readonly log: (msg: string) => void,
  ) {
    this.maxWorkgroupsPerDimension = device.limits.maxComputeWorkgroupsPerDimension;
    device.onuncapturederror = (event) => {
      this.errorCount++;
      this.log(`[gradlab/webgpu] GPU error: ${event.error.message}`);
    };
  }

  stats(): GpuStats {
    return {
      liveBuffers: this.live,
      pipelines: this.pipelines.size,
      dispatches: this.dispatchCount,
      submits: this.submitCount,
      errors: this.errorCount,
    };
  }

  private createBuffer(size: number, usage: number, mappedAtCreation = false): GPUBuffer {
    // Storage and copy sizes must be non-zero multiples of 4.
    const buffer = this.device.createBuffer({
      size: Math.max(4, Math.ceil(size / 4) * 4),
      usage,
      mappedAtCreation,
    });
    this.live++;
    return buffer;
  }

  private destroyBuffer(buffer: GPUBuffer): void {
    buffer.destroy();
    this.live--;
  }

  /** A zero-filled tensor (WebGPU zero-initialises new buffers). */
  alloc(length: number): GpuTensor {
    checkLength('length', length);
    const usage = USAGE.STORAGE | USAGE.COPY_SRC | USAGE.COPY_DST;
    return new GpuTensor(this.createBuffer(length * 4, usage), length);
  }

  upload(data: Float32Array): GpuTensor {
    const usage = USAGE.STORAGE | USAGE.COPY_SRC | USAGE.COPY_DST;
    const buffer = this.createBuffer(data.byteLength, usage, true);
    new Float32Array(buffer.getMappedRange(), 0, data.length).set(data);
    buffer.unmap();
    return new GpuTensor(buffer, data.length);
  }

  /** Overwrites a tensor's contents in queue order (after work already submitted). */
  write(tensor: GpuTensor, data: Float32Array): void {
    this.assertLive('tensor', tensor);
    if (data.length !== tensor.length) {
      throw new RangeError(`write: data has ${data.length} elements, the tensor ${tensor.length}`);
    }
    this.flush(); // keep program order: recorded kernels run before this write
    // A copy typed Float32Array<ArrayBuffer>: writeBuffer does not take SharedArrayBuffer views.
    if (data.length > 0) this.device.queue.writeBuffer(tensor.buffer, 0, new Float32Array(data));
  }

  /** Destroys the tensors' buffers, after the recorded work that may use them is submitted. */
  release(...tensors: GpuTensor[]): void {
    for (const t of tensors) {
      if (t.released) continue;
      t.markReleased();
      if (this.encoder) this.afterSubmit.push(t.buffer);
      else this.destroyBuffer(t.buffer);
    }
  }

  assertLive(name: string, t: GpuTensor): void {
    if (t.released) throw new Error(`${name}: this GpuTensor was released and cannot be used again`);
  }

  /** The pipeline for `key`, compiled from `code` the first time only. */
  private pipeline(key: string, code: string): GPUComputePipeline {
    let pipeline = this.pipelines.get(key);
    if (!pipeline) {
      const module = this.device.createShaderModule({ label: key, code });
      this.device.pushErrorScope('validation');
      pipeline = this.device.createComputePipeline({
        label: key,
        layout: 'auto',
        compute: { module, entryPoint: 'main' },
      });
      void this.device.popErrorScope().then((error) => {
        if (!error) return;
        this.errorCount++;
        this.log(`[gradlab/webgpu] pipeline ${key} failed to compile: ${error.message}`);
      });
      this.pipelines.set(key, pipeline);
    }
    return pipeline;
  }

  /** A uniform buffer holding `params` (u32 words), shared by every dispatch with equal params. */
  private uniform(params: Uint32Array): GPUBuffer {
    const key = params.join(',');
    let buffer = this.uniforms.get(key);
    if (!buffer) {
      if (this.uniforms.size >= UNIFORM_CACHE_LIMIT) {
        for (const old of this.uniforms.values()) this.retire(old);
        this.uniforms.clear();
      }
      buffer = this.createBuffer(Math.ceil(params.byteLength / 16) * 16, USAGE.UNIFORM, true);
      new Uint32Array(buffer.getMappedRange()).set(params);
      buffer.unmap();
      this.uniforms.set(key, buffer);
    }
    return buffer;
  }

  private retire(buffer: GPUBuffer): void {
    if (this.encoder) this.afterSubmit.push(buffer);
    else this.destroyBuffer(buffer);
  }

  private getEncoder(): GPUCommandEncoder {
    this.encoder ??= this.device.createCommandEncoder();
    return this.encoder;
  }

  private endPass(): void {
    this.pass?.end();
    this.pass = null;
  }

  /**
   * Records one dispatch: binding 0 is the params uniform, then the inputs in order, then the
   * output. `groups` are workgroup counts per dimension.
   */
  dispatch(
    key: string,
    code: string,
    params: Uint32Array,
    inputs: readonly GpuTensor[],
    output: GpuTensor,
    groups: readonly [number, number?],
  ): void {
    const [x, y = 1] = groups;
    const max = this.maxWorkgroupsPerDimension;
    if (x > max || y > max) {
      throw new RangeError(
        `${key}: needs ${x} x ${y} workgroups, over the device limit of ${max} per dimension`,
      );
    }
    const pipeline = this.pipeline(key, code);
    const buffers = [this.uniform(params), ...inputs.map((t) => t.buffer), output.buffer];
    const bindGroup = this.device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
    this.pass ??= this.getEncoder().beginComputePass();
    this.pass.setPipeline(pipeline);
    this.pass.setBindGroup(0, bindGroup);
    this.pass.dispatchWorkgroups(x, y);
    this.dispatchCount++;
  }

  /** 1-D grid for the grid-stride kernels: enough workgroups for `count` threads, capped. */
  gridFor(count: number, workgroupSize: number): [number] {
    return [Math.max(1, Math.min(Math.ceil(count / workgroupSize), this.maxWorkgroupsPerDimension))];
  }

  /** Submits everything recorded so far. */
  flush(): void {
    this.endPass();
    if (!this.encoder) return;
    this.device.queue.submit([this.encoder.finish()]);
    this.submitCount++;
    this.encoder = null;
    for (const buffer of this.afterSubmit) this.destroyBuffer(buffer);
    this.afterSubmit = [];
  }

  /** Submits pending work and resolves when the GPU has finished all of it. */
  async sync(): Promise<void> {
    this.flush();
    await this.device.queue.onSubmittedWorkDone();
  }

  /** Submits pending work and copies the tensor back (the only GPU -> CPU transfer). */
  async read(tensor: GpuTensor): Promise<Float32Array> {
    this.assertLive('tensor', tensor);
    if (tensor.length === 0) return new Float32Array(0);
    const bytes = tensor.length * 4;
    const staging = this.createBuffer(bytes, USAGE.MAP_READ | USAGE.COPY_DST);
    this.endPass();
    this.getEncoder().copyBufferToBuffer(tensor.buffer, 0, staging, 0, bytes);
    this.flush();
    try {
      await staging.mapAsync(MAP_MODE_READ);
      return new Float32Array(staging.getMappedRange(0, bytes).slice(0));
    } finally {
      if (staging.mapState === 'mapped') staging.unmap();
      this.destroyBuffer(staging);
    }
  }

  /** Destroys every cached buffer; tensors still held by the caller die with the device. */
  destroy(): void {
    this.flush();
    for (const buffer of this.uniforms.values()) this.destroyBuffer(buffer);
    this.uniforms.clear();
    this.pipelines.clear();
    this.device.destroy();
  }
}

export function checkLength(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}
