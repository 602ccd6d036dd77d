import type { GpuWorkerReply, GpuWorkerRequest } from './protocol.ts';

export type GpuConnection =
  | { ok: true; port: MessagePort; adapter: string; software: boolean; worker: Worker }
  | { ok: false; reason: string };

const READY_TIMEOUT_MS = 20_000;

/**
 * The page's part (a window or a worker that may create workers): starts the GPU worker, waits
 * until it has a device, and returns the port a synchronous client talks on, or why WebGPU
 * cannot be used here (in plain words; the caller logs it and trains on WASM).
 */
export async function connectGpuWorker(start: () => Worker): Promise<GpuConnection> {
  const scope = globalThis as { crossOriginIsolated?: boolean; navigator?: { gpu?: unknown } };
  if (!scope.crossOriginIsolated)
    return {
      ok: false,
      reason:
        'this page is not cross-origin isolated, so it cannot share memory with a GPU worker (reload the page to load it isolated)',
    };
  if (!scope.navigator?.gpu) return { ok: false, reason: 'this browser has no WebGPU (no navigator.gpu)' };
  let worker: Worker;
  try {
    worker = start();
  } catch (error) {
    return { ok: false, reason: `the GPU worker could not start: ${String(error)}` };
  }
  const channel = new MessageChannel();
  const reply = await new Promise<GpuWorkerReply>((resolve) => {
    const timer = setTimeout(
      () =>
        resolve({
          type: 'unavailable',
          reason: `the GPU worker did not answer within ${READY_TIMEOUT_MS / 1000} s`,
        }),
      READY_TIMEOUT_MS,
    );
    worker.onmessage = (event: MessageEvent<GpuWorkerReply>) => {
      clearTimeout(timer);
      resolve(event.data);
    };
    worker.onerror = (event) => {
      clearTimeout(timer);
      resolve({ type: 'unavailable', reason: `the GPU worker failed: ${event.message}` });
    };
    worker.postMessage({ type: 'serve', port: channel.port1 } satisfies GpuWorkerRequest, [channel.port1]);
  });
  worker.onmessage = null;
  if (reply.type === 'ready')
    return { ok: true, port: channel.port2, adapter: reply.adapter, software: reply.software, worker };
  worker.terminate();
  return { ok: false, reason: reply.reason };
}
