import type { WebGpuBackend } from '../backend.ts';
import {
  type BridgeRequest,
  DONE,
  FAILED,
  HEADER_BYTES,
  MESSAGE_BYTES,
  SEQ,
  type Span,
  STATE,
} from './protocol.ts';

/** The part of a MessagePort the host listens on (browser and Node worker_threads ports). */
export interface BridgeHostPort {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start?(): void;
}

/**
 * The GPU worker's side of the bridge: runs each request's kernel with the backend's one-shot
 * kernels (upload, run, read back), then writes the result or the error into the shared buffer
 * and wakes the client. Requests run one at a time, in order. A WebGPU validation or
 * out-of-memory error, or a lost device, is answered as a failure, never silently.
 */
export function serveGpuBridge(port: BridgeHostPort, backend: WebGpuBackend): void {
  let buffer: SharedArrayBuffer | null = null;
  let lost: string | null = null;
  void backend.device.lost.then((info) => {
    lost = `the GPU device was lost (${info.message || info.reason}); reload the page to train again`;
  });
  let queue = Promise.resolve();
  port.addEventListener('message', (event) => {
    const request = event.data as BridgeRequest;
    if (request?.type !== 'run') return;
    if (request.buffer) buffer = request.buffer;
    const shared = buffer;
    if (!shared) return;
    queue = queue.then(() => answer(shared, request));
  });
  port.start?.();

  async function answer(shared: SharedArrayBuffer, request: BridgeRequest): Promise<void> {
    const control = new Int32Array(shared, 0, HEADER_BYTES / 4);
    let result: Float32Array | null = null;
    let failure: string | null = lost;
    if (failure === null) {
      try {
        result = await run(shared, request);
      } catch (error) {
        failure =
          lost ??
          `the GPU could not run ${request.op.kernel}: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    // a request the client gave up on (timed out) is not answered: a newer one may be waiting
    if (Atomics.load(control, SEQ) !== request.seq) return;
    if (failure === null && result) {
      new Float32Array(shared, HEADER_BYTES + request.output.offset * 4, request.output.length).set(result);
      Atomics.store(control, STATE, DONE);
    } else {
      const bytes = new TextEncoder().encode(failure ?? 'unknown GPU failure');
      const room = shared.byteLength - HEADER_BYTES;
      const length = Math.min(bytes.length, room);
      new Uint8Array(shared, HEADER_BYTES, length).set(bytes.subarray(0, length));
      Atomics.store(control, MESSAGE_BYTES, length);
      Atomics.store(control, STATE, FAILED);
    }
    Atomics.notify(control, STATE);
  }

  async function run(
    shared: SharedArrayBuffer,
    { op, inputs, output }: BridgeRequest,
  ): Promise<Float32Array> {
    const view = (span: Span) => new Float32Array(shared, HEADER_BYTES + span.offset * 4, span.length);
    const [a, b, c] = inputs.map(view);
    if (!a || !b) throw new Error(`expected at least two inputs, got ${inputs.length}`);
    const { device } = backend;
    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    let result: Float32Array | null = null;
    let thrown: unknown = null;
    try {
      if (op.kernel === 'matmul') result = await backend.matmul(a, b, op.m, op.k, op.n);
      else {
        const { kernel: _, bias, ...dims } = op;
        result = await backend.conv2d(a, b, bias ? c : undefined, dims);
      }
    } catch (error) {
      thrown = error;
    }
    const validation = await device.popErrorScope();
    const memory = await device.popErrorScope();
    if (thrown !== null) throw thrown;
    const error = validation ?? memory;
    if (error) throw new Error(error.message);
    if (!result) throw new Error('no result');
    if (result.length !== output.length)
      throw new Error(`the result has ${result.length} elements, expected ${output.length}`);
    return result;
  }
}
