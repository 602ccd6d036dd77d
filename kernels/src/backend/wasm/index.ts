export { decodeBase64 } from './base64.ts';
export { loadWasmKernels, wasmAvailable, wasmKernelModule } from './instance.ts';
export {
  binaryWasm,
  conv2dWasm,
  matmulWasm,
  pool2dWasm,
  reduceWasm,
  registerWasmBackend,
  unaryWasm,
  wasmKernels,
} from './kernels.ts';
