import type { BackendName, FloatDType, KernelName, KernelSignatures } from '../backend/kernel-types.ts';
import { resolveKernel } from '../backend/registry.ts';
import { ArgumentError } from './errors.ts';

const BACKENDS: readonly BackendName[] = ['js', 'wasm'];
let current: BackendName = 'js';

/**
 * Chooses the backend whose kernels run contiguous float work (matmul, same-shape elementwise,
 * reductions). Ops a backend lacks fall back to the `js` float64 reference.
 */
export function setBackend(name: BackendName): void {
  if (!BACKENDS.includes(name))
    throw new ArgumentError(`setBackend: unknown backend "${name}"; expected one of ${BACKENDS.join(', ')}`);
  current = name;
}

/** The backend chosen by setBackend (default `js`). */
export function getBackend(): BackendName {
  return current;
}

/** The kernel function of the current backend for this op and dtype. */
export function kernel<K extends KernelName>(name: K, dtype: FloatDType): KernelSignatures[K] {
  return resolveKernel(name, dtype, current);
}
