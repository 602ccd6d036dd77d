import type { BackendName, FloatDType, KernelName, KernelSignatures } from '../backend/kernel-types.ts';
import { resolveKernel } from '../backend/registry.ts';
import { ArgumentError } from './errors.ts';

const BACKENDS: readonly BackendName[] = ['js', 'wasm'];
let current: BackendName = 'js';

/** How a backend registers its kernels when first chosen (the wasm backend adds itself here). */
const loaders = new Map<BackendName, () => boolean>();
const loaded = new Set<BackendName>(['js']);

/** Sets how `name` registers its kernels; setBackend(name) calls it until it succeeds. */
export function setBackendLoader(name: BackendName, load: () => boolean): void {
  loaders.set(name, load);
}

/**
 * Chooses the backend whose kernels run contiguous float work (matmul, same-shape elementwise,
 * reductions). Ops a backend lacks fall back to the `js` float64 reference. Choosing `wasm`
 * registers its kernels (once); where WebAssembly SIMD is missing it stays on `js` and says so by
 * returning false. A browser's main thread must `await loadWasmKernels()` first (it refuses to
 * compile the module synchronously); workers, Node and the sandbox need not.
 */
export function setBackend(name: BackendName): boolean {
  if (!BACKENDS.includes(name))
    throw new ArgumentError(`setBackend: unknown backend "${name}"; expected one of ${BACKENDS.join(', ')}`);
  if (!loaded.has(name)) {
    if (!loaders.get(name)?.()) {
      current = 'js';
      return false;
    }
    loaded.add(name);
  }
  current = name;
  return true;
}

/** The backend chosen by setBackend (default `js`). */
export function getBackend(): BackendName {
  return current;
}

/** The kernel function of the current backend for this op and dtype. */
export function kernel<K extends KernelName>(name: K, dtype: FloatDType): KernelSignatures[K] {
  return resolveKernel(name, dtype, current);
}
