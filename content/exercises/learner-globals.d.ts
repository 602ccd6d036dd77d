// What exercise files (starter, solution, mistakes) see, as learners do in the sandbox: the
// global `np` and the NDArray type. Type checking only; nothing here runs.
import type { NDArray as EngineNDArray, Np } from '@gradlab/kernels';

declare global {
  const np: Np;
  type NDArray = EngineNDArray;
}
