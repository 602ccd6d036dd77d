import type { Conv2dArgs, FloatArray, KernelName, KernelSignatures, MatmulArgs } from '../../kernel-types.ts';
import { getKernel, registerKernel } from '../../registry.ts';
import type { GpuBridgeClient } from './client.ts';

/**
 * Below this many multiply-adds a kernel stays on the CPU: a GPU round trip through the bridge
 * costs about 0.3 ms before any work (measured in Chromium), while WASM does 65,536
 * multiply-adds in a few microseconds. Above it, matmul and conv2d go to the GPU.
 */
export const GPU_MIN_WORK = 1 << 16;

export interface WebGpuBridgeOptions {
  /** multiply-adds from which matmul and conv2d run on the GPU (default GPU_MIN_WORK) */
  minWork?: number;
}

/** The CPU kernel the bridge uses below its threshold: wasm's where registered, else js's. */
function cpuKernel<K extends KernelName>(name: K, out: FloatArray): KernelSignatures[K] {
  const dtype = out instanceof Float64Array ? 'float64' : 'float32';
  const wasm = getKernel(name, 'wasm');
  if (wasm?.dtypes.includes(dtype)) return wasm.kernelFunc;
  const js = getKernel(name, 'js');
  if (!js) throw new Error(`no js reference kernel is registered for "${name}"`);
  return js.kernelFunc;
}

/**
 * Registers the `webgpu` backend's kernels: matmul and conv2d through the synchronous bridge
 * (float32 on the GPU; float64 arrays are converted on the way in and out, so a float64 run
 * gets float32-accurate products). Every other op has no `webgpu` kernel and resolves on
 * `wasm`. Call `stackBackend('webgpu')` afterwards to route ops here while `wasm` is chosen.
 */
export function registerWebGpuBridge(client: GpuBridgeClient, options: WebGpuBridgeOptions = {}): void {
  const minWork = options.minWork ?? GPU_MIN_WORK;
  const dtypes = ['float32', 'float64'] as const;
  registerKernel({
    kernelName: 'matmul',
    backendName: 'webgpu',
    dtypes,
    kernelFunc: (args: MatmulArgs) => {
      const { a, b, out, m, k, n } = args;
      if (m * k * n < minWork) return cpuKernel('matmul', out)(args);
      client.run({ kernel: 'matmul', m, k, n }, [a, b], out);
    },
  });
  registerKernel({
    kernelName: 'conv2d',
    backendName: 'webgpu',
    dtypes,
    kernelFunc: (args: Conv2dArgs) => {
      const { x, w, bias, out, ...dims } = args;
      if (out.length * dims.c * dims.kh * dims.kw < minWork) return cpuKernel('conv2d', out)(args);
      const inputs = bias ? [x, w, bias] : [x, w];
      client.run({ kernel: 'conv2d', bias: bias !== undefined, ...dims }, inputs, out);
    },
  });
}
