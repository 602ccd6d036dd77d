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

/**
 * The kernel function to run: the preferred backend's when it has one for this dtype,
 * else the `js` reference, which exists for every op.
 */
export function resolveKernel<K extends KernelName>(
  kernelName: K,
  dtype: FloatDType,
  preferred: BackendName,
): KernelSignatures[K] {
  const config = getKernel(kernelName, preferred);
  if (config?.dtypes.includes(dtype)) return config.kernelFunc;
  const reference = getKernel(kernelName, 'js');
  if (!reference) throw new Error(`no js reference kernel is registered for "${kernelName}"`);
  return reference.kernelFunc;
}

for (const config of jsKernels) registerKernel(config);
