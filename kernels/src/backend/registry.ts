import { jsKernels } from './js/kernels.ts';
import type { BackendName, FloatDType, KernelConfig, KernelName, KernelSignatures } from './kernel-types.ts';

const registry = new Map<string, KernelConfig>();
const key = (kernelName: KernelName, backendName: BackendName) => `${backendName}/${kernelName}`;
/** The same kernels by backend, then op: a lookup per op call builds no key string. */
const byBackend = new Map<BackendName, Map<KernelName, KernelConfig>>();

/** Registers (or replaces) the kernel of one op on one backend. */
export function registerKernel<K extends KernelName>(config: KernelConfig<K>): void {
  registry.set(key(config.kernelName, config.backendName), config as unknown as KernelConfig);
  let kernels = byBackend.get(config.backendName);
  if (kernels === undefined) {
    kernels = new Map();
    byBackend.set(config.backendName, kernels);
  }
  kernels.set(config.kernelName, config as unknown as KernelConfig);
}

/** The kernel registered for (op, backend), or undefined. */
export function getKernel<K extends KernelName>(
  kernelName: K,
  backendName: BackendName,
): KernelConfig<K> | undefined {
  return byBackend.get(backendName)?.get(kernelName) as KernelConfig<K> | undefined;
}

/** Which backends have a kernel for this op. */
export function backendsFor(kernelName: KernelName): BackendName[] {
  return [...registry.values()].filter((c) => c.kernelName === kernelName).map((c) => c.backendName);
}

/** Where a backend's missing ops and dtypes go before the `js` reference: `webgpu`'s go to `wasm`. */
const FALLBACK: Partial<Record<BackendName, BackendName>> = { webgpu: 'wasm' };
/** The backend stacked in front of a chosen one (stackBackend), or null: the common case. */
let stacked: { front: BackendName; over: BackendName } | null = null;

/**
 * Stacks `front` in front of the chosen backend `over`: while `over` is chosen (setBackend), ops
 * resolve on `front` first, then along the fallback chain (`webgpu`, then `wasm`, then `js`).
 * The lab's worker stacks `webgpu` over `wasm` once its bridge to the GPU worker is up; `null`
 * unstacks (e.g. for gradient checks, which must run in float64 on the CPU).
 */
export function stackBackend(front: BackendName | null, over: BackendName = 'wasm'): void {
  stacked = front === null ? null : { front, over };
}

/** The backend stacked by stackBackend, or null. */
export function stackedBackend(): BackendName | null {
  return stacked?.front ?? null;
}

/**
 * The kernel function to run: the preferred backend's (or the one stacked in front of it) when
 * it has one for this dtype, else its fallback's (`webgpu` falls back to `wasm`), else the `js`
 * reference, which exists for every op.
 */
export function resolveKernel<K extends KernelName>(
  kernelName: K,
  dtype: FloatDType,
  preferred: BackendName,
): KernelSignatures[K] {
  let backend: BackendName | undefined =
    stacked !== null && stacked.over === preferred ? stacked.front : preferred;
  while (backend !== undefined && backend !== 'js') {
    const config = getKernel(kernelName, backend);
    if (config?.dtypes.includes(dtype)) return config.kernelFunc;
    backend = FALLBACK[backend];
  }
  const reference = getKernel(kernelName, 'js');
  if (!reference) throw new Error(`no js reference kernel is registered for "${kernelName}"`);
  return reference.kernelFunc;
}

for (const config of jsKernels) registerKernel(config);
