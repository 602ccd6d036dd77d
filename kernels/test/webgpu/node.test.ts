/**
 * WebGPU in Node (the `webgpu` package, Dawn). Dawn picks its Vulkan driver from the
 * environment at process start, so the suite runs in a child process (node-child.ts):
 * first with the inherited environment (a real GPU, or a driver configured by the caller),
 * then, if that finds no adapter, with chromium's SwiftShader driver (VK_ICD_FILENAMES,
 * LD_LIBRARY_PATH). Skipped, with the reason, when neither gives an adapter.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createWebGpuBackend } from '../../src/backend/webgpu/index.ts';
import { SWIFTSHADER_ICD, swiftShaderEnv } from '../../src/backend/webgpu/node-gpu.ts';
import { conformanceTests, type RunnerResult, reportOrThrow } from './conformance.ts';
import { childReport } from './node-runner.ts';

const REPORT_MARKER = '@@webgpu-report@@';
const childScript = fileURLToPath(new URL('./node-child.ts', import.meta.url));

function runChild(env: NodeJS.ProcessEnv): RunnerResult {
  return childReport<RunnerResult>(childScript, REPORT_MARKER, env, 50_000);
}

function findAdapter(): { result: RunnerResult | null; via: string; skip: string } {
  const inherited = runChild(process.env);
  if ('report' in inherited) return { result: inherited, via: 'the inherited environment', skip: '' };
  const env = swiftShaderEnv();
  if (!env) {
    const why = 'unavailable' in inherited ? inherited.unavailable : inherited.crashed;
    return {
      result: null,
      via: '',
      skip: `no adapter (${why}) and no SwiftShader ICD at ${SWIFTSHADER_ICD}`,
    };
  }
  const swift = runChild(env);
  if ('report' in swift) return { result: swift, via: `SwiftShader (${SWIFTSHADER_ICD})`, skip: '' };
  const why = 'unavailable' in swift ? swift.unavailable : swift.crashed;
  return { result: swift, via: '', skip: `no adapter, even with SwiftShader: ${why}` };
}

const found = findAdapter();
const title = found.skip
  ? `WebGPU in Node: SKIPPED, ${found.skip}`
  : `WebGPU in Node via ${found.via}: ${found.result && 'report' in found.result ? JSON.stringify(found.result.report.adapter) : ''}`;
if (found.skip) console.warn(title);

describe.skipIf(found.skip !== '')(title, () => {
  conformanceTests(() => reportOrThrow(found.result));
});

describe('WebGPU detection and fallback', () => {
  it('returns null and says so when there is no navigator.gpu', async () => {
    const logs: string[] = [];
    const globals = globalThis as { navigator?: unknown };
    const saved = globals.navigator;
    // Node 21+ has a navigator (without gpu); Node 20 has none.
    expect(await createWebGpuBackend({ log: (m) => logs.push(m) })).toBeNull();
    expect(globals.navigator).toBe(saved);
    expect(logs.join('\n')).toMatch(/no navigator\.gpu.*falling back/);
  });

  it('returns null and says so when the GPU has no adapter', async () => {
    const logs: string[] = [];
    const gpu = { requestAdapter: async () => null } as unknown as GPU;
    expect(await createWebGpuBackend({ gpu, log: (m) => logs.push(m) })).toBeNull();
    expect(logs.join('\n')).toMatch(/no adapter was found.*falling back/);
  });
});
