export { conv2dJs, matmulJs, pool2dJs, reduceJs } from './backend/js/kernels.ts';
export * from './backend/kernel-types.ts';
export { backendsFor, getKernel, registerKernel, resolveKernel } from './backend/registry.ts';
