/**
 * Node glue for the WebGPU backend (Node only; not exported from the package index, since it
 * loads the native `webgpu` addon, Dawn). Import it by path from scripts and tests.
 *
 * Dawn needs a Vulkan driver. A machine with a GPU and its driver needs nothing. Elsewhere the
 * SwiftShader (CPU) driver that ships with Debian's chromium works, but the Vulkan loader
 * reads VK_ICD_FILENAMES and the dynamic linker LD_LIBRARY_PATH when the process starts, so
 * they cannot be set from inside a running process: `swiftShaderEnv` gives the environment
 * for a child process instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** A `GPU` from the `webgpu` package, or null (with the reason) when the addon cannot load. */
export async function createNodeGpu(flags: string[] = []): Promise<{ gpu: GPU | null; reason: string }> {
  try {
    const { create } = await import('webgpu');
    return { gpu: create(flags), reason: '' };
  } catch (error) {
    return { gpu: null, reason: `the webgpu package (Dawn for Node) failed to load: ${String(error)}` };
  }
}

/**
 * The environment that points Dawn at chromium's SwiftShader Vulkan driver (and chromium's
 * libvulkan.so.1 when the system has none), or null when that driver is not installed.
 */
export function swiftShaderEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv | null {
  if (!existsSync(SWIFTSHADER_ICD)) return null;
  const libDir = dirname(SWIFTSHADER_ICD);
  const libraryPath = [libDir, ...(base.LD_LIBRARY_PATH ?? '').split(':').filter((p) => p !== '')].join(':');
  return { ...base, VK_ICD_FILENAMES: SWIFTSHADER_ICD, LD_LIBRARY_PATH: libraryPath };
}

const RERUN_MARK = 'GRADLAB_WEBGPU_REEXEC';

/**
 * For a script that found no adapter: runs `script` again (same arguments) with chromium's
 * SwiftShader driver and returns its exit status; null when that driver is not installed or this
 * process already is the re-run.
 */
export function rerunOnSwiftShader(script: string): number | null {
  const env = swiftShaderEnv();
  if (!env || process.env[RERUN_MARK]) return null;
  console.error('No WebGPU adapter with this environment; re-running with the SwiftShader Vulkan driver.');
  const child = spawnSync(process.execPath, [...process.execArgv, script, ...process.argv.slice(2)], {
    env: { ...env, [RERUN_MARK]: '1' },
    stdio: 'inherit',
  });
  return child.status ?? 1;
}
