import type { FloatArray } from '../../kernel-types.ts';
import {
  type BridgeKernel,
  type BridgeRequest,
  DONE,
  FAILED,
  HEADER_BYTES,
  MESSAGE_BYTES,
  REQUEST,
  SEQ,
  STATE,
} from './protocol.ts';

/** The one method of a MessagePort the client needs (browser and Node worker_threads ports). */
export interface BridgePort {
  postMessage(message: unknown): void;
}

/** A GPU failure, a timeout or a lost device, in words a learner can act on. */
export class GpuBridgeError extends Error {
  override name = 'GpuBridgeError';
}

export interface GpuBridgeClientOptions {
  /** How long one kernel may take before the client gives up, ms (the first includes compiling shaders). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MIN_BYTES = 1 << 20;

const seconds = (ms: number) => (ms >= 10_000 ? Math.round(ms / 1000) : Math.round(ms / 100) / 10);

/**
 * The blocking side of the bridge: `run` copies the inputs into the shared buffer, asks the GPU
 * worker to run one kernel and waits for its answer. Usable only where `Atomics.wait` is allowed
 * (a dedicated worker, a Node worker thread), never on a page's main thread.
 */
export class GpuBridgeClient {
  private buffer: SharedArrayBuffer;
  private control: Int32Array;
  private data: Float32Array;
  private seq = 0;
  private sent: SharedArrayBuffer | null = null;
  /** Why the bridge stopped (a timeout, a lost device); every later call fails with it. */
  private broken: string | null = null;
  private readonly timeoutMs: number;
  /** Kernels run on the GPU and time spent waiting for them, for the lab and the benchmark. */
  readonly stats = { calls: 0, waitMs: 0 };

  constructor(
    private readonly port: BridgePort,
    options: GpuBridgeClientOptions = {},
  ) {
    if (typeof SharedArrayBuffer !== 'function')
      throw new GpuBridgeError(
        'WebGPU training needs SharedArrayBuffer, which this page does not have (it is not cross-origin isolated)',
      );
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.buffer = new SharedArrayBuffer(MIN_BYTES);
    this.control = new Int32Array(this.buffer, 0, HEADER_BYTES / 4);
    this.data = new Float32Array(this.buffer, HEADER_BYTES);
  }

  /** Runs `op` on the GPU: inputs in, `out` filled (float64 arrays are converted to float32 and back). */
  run(op: BridgeKernel, inputs: readonly FloatArray[], out: FloatArray): void {
    if (this.broken !== null) throw new GpuBridgeError(this.broken);
    const total = inputs.reduce((sum, x) => sum + x.length, out.length);
    this.reserve(total);
    let offset = 0;
    const spans = inputs.map((x) => {
      this.data.set(x, offset);
      const span = { offset, length: x.length };
      offset += x.length;
      return span;
    });
    const output = { offset, length: out.length };
    this.seq = (this.seq + 1) | 0;
    Atomics.store(this.control, SEQ, this.seq);
    Atomics.store(this.control, STATE, REQUEST);
    const request: BridgeRequest = { type: 'run', seq: this.seq, op, inputs: spans, output };
    if (this.sent !== this.buffer) {
      request.buffer = this.buffer;
      this.sent = this.buffer;
    }
    const started = performance.now();
    this.port.postMessage(request);
    const waited = Atomics.wait(this.control, STATE, REQUEST, this.timeoutMs);
    this.stats.calls++;
    this.stats.waitMs += performance.now() - started;
    if (waited === 'timed-out') {
      this.broken = `the GPU did not finish ${op.kernel} within ${seconds(this.timeoutMs)} s (the GPU worker may have stopped, or the device was lost)`;
      throw new GpuBridgeError(this.broken);
    }
    const state = Atomics.load(this.control, STATE);
    if (state === FAILED) {
      const bytes = Atomics.load(this.control, MESSAGE_BYTES);
      // TextDecoder does not read SharedArrayBuffer views: copy the bytes out first
      const message = new TextDecoder().decode(new Uint8Array(this.buffer, HEADER_BYTES, bytes).slice());
      if (/device was lost/.test(message)) this.broken = message;
      throw new GpuBridgeError(message);
    }
    if (state !== DONE) throw new GpuBridgeError(`the GPU bridge is in an unexpected state (${state})`);
    out.set(this.data.subarray(output.offset, output.offset + output.length));
  }

  /** Grows the shared buffer (to a power of two) when `floats` do not fit. */
  private reserve(floats: number): void {
    const bytes = HEADER_BYTES + floats * 4;
    if (bytes <= this.buffer.byteLength) return;
    let size = this.buffer.byteLength;
    while (size < bytes) size *= 2;
    this.buffer = new SharedArrayBuffer(size);
    this.control = new Int32Array(this.buffer, 0, HEADER_BYTES / 4);
    this.data = new Float32Array(this.buffer, HEADER_BYTES);
  }
}
