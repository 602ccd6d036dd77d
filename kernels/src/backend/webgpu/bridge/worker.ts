/**
 * The GPU worker's whole program (the lab's gpu.worker.ts and the benchmark's call it): get a
 * WebGPU device, tell the page which adapter (or why none), then serve the synchronous bridge
 * on the port the page sends.
 */
import { createWebGpuBackend, describeAdapter } from '../create.ts';
import { serveGpuBridge } from './host.ts';
import type { GpuWorkerReply, GpuWorkerRequest } from './protocol.ts';

interface WorkerScope {
  postMessage(message: GpuWorkerReply): void;
  onmessage: ((event: MessageEvent<GpuWorkerRequest>) => void) | null;
}

export function runGpuWorker(scope: WorkerScope): void {
  scope.onmessage = async (event) => {
    if (event.data?.type !== 'serve') return;
    const reasons: string[] = [];
    const backend = await createWebGpuBackend({
      log: (msg) => {
        reasons.push(msg.replace(/^\[gradlab\/webgpu\] /, ''));
        console.warn(msg);
      },
    });
    if (!backend) {
      scope.postMessage({ type: 'unavailable', reason: reasons.join(' ') || 'no WebGPU device' });
      return;
    }
    serveGpuBridge(event.data.port, backend);
    scope.postMessage({
      type: 'ready',
      adapter: describeAdapter(backend.adapter),
      software: backend.adapter.isFallbackAdapter,
    });
  };
}
