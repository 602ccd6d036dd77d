import { type WebGpuAdapterSummary, WebGpuBackend } from './backend.ts';

export interface CreateWebGpuOptions {
  /** A GPU object to use instead of `navigator.gpu` (Node: `create([])` from the `webgpu` package). */
  gpu?: GPU;
  /** Where the fallback and error messages go; default console.warn. */
  log?: (msg: string) => void;
  powerPreference?: GPUPowerPreference;
}

const PREFIX = '[gradlab/webgpu]';

/**
 * Detects WebGPU at run time and returns a backend, or null after logging why not (no
 * `navigator.gpu`, no adapter, or the device request failed): callers then stay on the
 * js/wasm backends.
 */
export async function createWebGpuBackend(options: CreateWebGpuOptions = {}): Promise<WebGpuBackend | null> {
  const log = options.log ?? ((msg: string) => console.warn(msg));
  const gpu = options.gpu ?? (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  if (!gpu) {
    log(
      `${PREFIX} WebGPU unavailable: no navigator.gpu (this browser or runtime has no WebGPU, or the page is not a secure context); falling back to the CPU backends.`,
    );
    return null;
  }
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: options.powerPreference ?? 'high-performance' });
  } catch (error) {
    log(
      `${PREFIX} WebGPU unavailable: requestAdapter failed (${String(error)}); falling back to the CPU backends.`,
    );
    return null;
  }
  if (!adapter) {
    log(
      `${PREFIX} WebGPU unavailable: navigator.gpu exists but no adapter was found (no usable GPU or driver; in Chromium try --enable-unsafe-webgpu, in Node a Vulkan ICD); falling back to the CPU backends.`,
    );
    return null;
  }
  const summary = summarise(adapter);
  let device: GPUDevice;
  try {
    // Ask for the adapter's full buffer limits: the defaults (128/256 MiB) are small for training.
    device = await adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxBufferSize: adapter.limits.maxBufferSize,
      },
    });
  } catch (error) {
    log(
      `${PREFIX} WebGPU unavailable: requestDevice failed (${String(error)}); falling back to the CPU backends.`,
    );
    return null;
  }
  void device.lost.then((info) => {
    if (info.reason !== 'destroyed') log(`${PREFIX} GPU device lost: ${info.message}`);
  });
  return new WebGpuBackend(device, summary, log);
}

function summarise(adapter: GPUAdapter): WebGpuAdapterSummary {
  const info = adapter.info as Partial<GPUAdapterInfo> | undefined;
  // Older implementations put isFallbackAdapter on the adapter itself.
  const legacyFallback = (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter;
  return {
    vendor: info?.vendor ?? '',
    architecture: info?.architecture ?? '',
    device: info?.device ?? '',
    description: info?.description ?? '',
    isFallbackAdapter: info?.isFallbackAdapter ?? legacyFallback ?? false,
  };
}

/** One line naming the adapter, for logs and benchmark headers. */
export function describeAdapter(a: WebGpuAdapterSummary): string {
  const name = [a.vendor, a.architecture, a.device, a.description].filter((s) => s !== '').join(' / ');
  return `${name || 'unnamed adapter'}${a.isFallbackAdapter ? ' (fallback/software adapter)' : ''}`;
}
