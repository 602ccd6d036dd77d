/// <reference lib="webworker" />
// The lab benchmark's GPU worker (bundled by lab.mjs), as the lab's gpu.worker.ts.
import { runGpuWorker } from '@gradlab/kernels';

runGpuWorker(self as unknown as Parameters<typeof runGpuWorker>[0]);
