export { type BridgePort, GpuBridgeClient, type GpuBridgeClientOptions, GpuBridgeError } from './client.ts';
export { connectGpuWorker, type GpuConnection } from './connect.ts';
export { type BridgeHostPort, serveGpuBridge } from './host.ts';
export { GPU_MIN_WORK, registerWebGpuBridge, type WebGpuBridgeOptions } from './kernels.ts';
export type { BridgeKernel, GpuWorkerReply, GpuWorkerRequest } from './protocol.ts';
export { runGpuWorker } from './worker.ts';
