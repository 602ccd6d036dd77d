export { numericGradient } from './autodiff/gradcheck.ts';
export { conv2dJs, matmulJs, pool2dJs, reduceJs } from './backend/js/kernels.ts';
export * from './backend/kernel-types.ts';
export {
  backendsFor,
  getKernel,
  registerKernel,
  resolveKernel,
  stackBackend,
  stackedBackend,
} from './backend/registry.ts';
export {
  binaryWasm,
  conv2dWasm,
  loadWasmKernels,
  matmulWasm,
  pool2dWasm,
  reduceWasm,
  registerWasmBackend,
  unaryWasm,
  wasmAvailable,
} from './backend/wasm/index.ts';
export {
  type BridgeHostPort,
  type BridgePort,
  type Conv2dDims,
  connectGpuWorker,
  createWebGpuBackend,
  describeAdapter,
  GPU_MIN_WORK,
  GpuBridgeClient,
  GpuBridgeError,
  type GpuConnection,
  type GpuStats,
  GpuTensor,
  type Pool2dDims,
  registerWebGpuBridge,
  runGpuWorker,
  serveGpuBridge,
  type WebGpuAdapterSummary,
  WebGpuBackend,
  WebGpuOps,
} from './backend/webgpu/index.ts';
export { getBackend, setBackend } from './ndarray/dispatch.ts';
export type { DType, TypedArray } from './ndarray/dtype.ts';
export { beginStepArena, endStepArena, inStepArena, setStorageSlabs } from './ndarray/dtype.ts';
export type { CloseOptions } from './ndarray/elementwise.ts';
export {
  ArgumentError,
  AxisError,
  DTypeError,
  IndexError,
  NDArrayError,
  ShapeError,
} from './ndarray/errors.ts';
export type { Index, SliceObject, SliceSpec } from './ndarray/indexing.ts';
export { type ArrayInput, NDArray, type NumericTypedArray } from './ndarray/ndarray.ts';
export type { NestedArray, NestedInput, Scalar } from './ndarray/nested.ts';
export { createRandom, Random } from './ndarray/random.ts';
export type { ArgOptions, AxisOptions, VarOptions } from './ndarray/reductions.ts';
export type { Shape } from './ndarray/shape.ts';
export { type Np, np } from './np.ts';
export { centredDifference, forwardDifference, kinkBetween } from './numeric/differences.ts';
export { relativeError } from './numeric/relative-error.ts';
