/**
 * The synchronous WebGPU bridge's wire format. A worker that must stay synchronous (the lab's,
 * where the learner's layer code calls `np` and expects numbers back) cannot await WebGPU's
 * readback (`mapAsync`). So a second worker, the GPU worker, owns the device; the two share one
 * SharedArrayBuffer:
 *
 *   bytes 0..31   control words (Int32): STATE, SEQ, MESSAGE_BYTES
 *   bytes 32..    data (Float32): the kernel's inputs, then its output
 *
 * The client writes the inputs (float64 converted to float32), sets STATE to REQUEST, posts a
 * `BridgeRequest` over a MessagePort and blocks in `Atomics.wait`. The host runs the kernel,
 * writes the output (or a UTF-8 error message) into the data area, sets STATE to DONE (FAILED)
 * and calls `Atomics.notify`. Waits have a timeout, so a lost device never hangs the client.
 */
import type { Conv2dDims } from '../ops.ts';

export const HEADER_BYTES = 32;
export const STATE = 0;
export const SEQ = 1;
export const MESSAGE_BYTES = 2;

export const IDLE = 0;
export const REQUEST = 1;
export const DONE = 2;
export const FAILED = 3;

/** The kernels the bridge runs on the GPU: the heavy ones. The rest stay on WASM. */
export type BridgeKernel =
  | { kernel: 'matmul'; m: number; k: number; n: number }
  | ({ kernel: 'conv2d'; bias: boolean } & Conv2dDims);

/** A float32 range of the data area, in elements from its start. */
export interface Span {
  offset: number;
  length: number;
}

export interface BridgeRequest {
  type: 'run';
  seq: number;
  /** sent when the client has grown the buffer (the first request sends it too) */
  buffer?: SharedArrayBuffer;
  op: BridgeKernel;
  inputs: Span[];
  output: Span;
}

/** The messages the GPU worker sends its creator (the page) once it has tried to get a device. */
export type GpuWorkerReply =
  | { type: 'ready'; adapter: string; software: boolean }
  | { type: 'unavailable'; reason: string };

/** What the page sends the GPU worker: the port the synchronous client will talk on. */
export interface GpuWorkerRequest {
  type: 'serve';
  port: MessagePort;
}
