/// <reference types="@webgpu/types" />
export type { WebGpuAdapterSummary } from './backend.ts';
export { WebGpuBackend } from './backend.ts';
export * from './bridge/index.ts';
export { type CreateWebGpuOptions, createWebGpuBackend, describeAdapter } from './create.ts';
export type { GpuStats } from './gpu-context.ts';
export { GpuTensor } from './gpu-context.ts';
export { type Conv2dDims, type Pool2dDims, type ReduceOp, WebGpuOps } from './ops.ts';
