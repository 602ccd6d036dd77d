/// <reference lib="webworker" />
// The lab's GPU worker: owns the WebGPU device and runs the heavy kernels (matmul, convolution)
// that the training worker, which must stay synchronous, hands it through shared memory.
import { runGpuWorker } from '@gradlab/kernels';

runGpuWorker(self as unknown as Parameters<typeof runGpuWorker>[0]);
