/**
 * Shared by the Node WebGPU child scripts: a device from the `webgpu` package.
 */
import { createWebGpuBackend, type WebGpuBackend } from '../../src/backend/webgpu/index.ts';
import { createNodeGpu } from '../../src/backend/webgpu/node-gpu.ts';

/**
 * The GPU instances handed out, kept reachable for the life of the process: when the instance
 * is garbage-collected while its device still works, Dawn aborts (SIGABRT, "The futex facility
 * returned an unexpected error code").
 */
const instances: GPU[] = [];

/** A backend on the `webgpu` package's device, with the logs, or why there is none. */
export async function nodeBackend(): Promise<
  { backend: WebGpuBackend; logs: string[] } | { unavailable: string }
> {
  const { gpu, reason } = await createNodeGpu();
  if (!gpu) return { unavailable: reason };
  instances.push(gpu);
  const logs: string[] = [];
  const backend = await createWebGpuBackend({ gpu, log: (msg) => logs.push(msg) });
  if (!backend) return { unavailable: logs.join(' ') };
  return { backend, logs };
}
