/**
 * The synchronous WebGPU bridge in Node: a child process (bridge-child.ts) owns a real WebGPU
 * device (the `webgpu` package, Dawn; SwiftShader when there is no GPU) and serves the bridge;
 * a worker thread in it (bridge-client-thread.ts) blocks in Atomics.wait on a SharedArrayBuffer
 * as the lab's worker does. Nothing is mocked. Skipped, with the reason, when no adapter exists.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { swiftShaderEnv } from '../../src/backend/webgpu/node-gpu.ts';
import { childReport } from './node-runner.ts';

const REPORT_MARKER = '@@bridge-report@@';
const childScript = fileURLToPath(new URL('./bridge-child.ts', import.meta.url));

interface BridgeResult {
  matmul64: number;
  matmul32: number;
  conv2d: number;
  matmulBig: number;
  npMatmul: number;
  npSmallOnGpu: number;
  npLargeOnGpu: number;
  npSmallShape: number[];
  kernelError: string;
  afterError: number;
  timeout: string;
  timeoutMs: number;
  afterTimeout: string;
  timings: { size: number; gpuMs: number; wasmMs: number }[];
  deviceLost: string;
}

type Report = { adapter: string; result: BridgeResult } | { unavailable: string } | { crashed: string };

function runChild(env: NodeJS.ProcessEnv): Report {
  return childReport<Report>(childScript, REPORT_MARKER, env, 100_000);
}

function find(): { report: { adapter: string; result: BridgeResult } | null; skip: string } {
  const inherited = runChild(process.env);
  if ('result' in inherited) return { report: inherited, skip: '' };
  const env = swiftShaderEnv();
  const swift = env ? runChild(env) : null;
  if (swift && 'result' in swift) return { report: swift, skip: '' };
  if (swift && 'crashed' in swift) throw new Error(`the bridge test crashed: ${swift.crashed}`);
  const why = (r: Report | null) =>
    r === null ? 'no SwiftShader ICD' : 'unavailable' in r ? r.unavailable : '';
  return { report: null, skip: `no WebGPU adapter (${why(inherited)}; ${why(swift)})` };
}

const found = find();
const title = found.skip
  ? `the WebGPU bridge in Node: SKIPPED, ${found.skip}`
  : `the WebGPU bridge in Node (${found.report?.adapter})`;
if (found.skip) console.warn(title);
const result = () => found.report?.result as BridgeResult;

describe.skipIf(found.skip !== '')(title, () => {
  it('runs matmul and conv2d on the GPU for a blocked caller, float64 and float32 in, float32-accurate out', () => {
    // float32 products of k terms in [-0.5, 0.5]: relative errors near 1e-7, far under 1e-5
    expect(result().matmul64).toBeLessThan(1e-5);
    expect(result().matmul32).toBeLessThan(1e-5);
    expect(result().conv2d).toBeLessThan(1e-5);
    expect(result().matmulBig).toBeLessThan(1e-5);
  });

  it('serves np with webgpu stacked over wasm: large products go to the GPU, small ones stay on the CPU', () => {
    expect(result().npMatmul).toBeLessThan(1e-5);
    expect(result().npLargeOnGpu).toBe(1);
    expect(result().npSmallOnGpu).toBe(0);
    expect(result().npSmallShape).toEqual([4, 3]);
  });

  it('answers a kernel error as an error naming the kernel, and keeps working after it', () => {
    expect(result().kernelError).toMatch(
      /^GpuBridgeError: the GPU could not run matmul: .*a must have 25 elements/,
    );
    expect(result().afterError).toBeLessThan(1e-5);
  });

  it('gives up after its timeout when nobody answers, and stays failed', () => {
    expect(result().timeout).toMatch(/did not finish matmul within 0.3 s/);
    expect(result().timeoutMs).toBeLessThan(5_000);
    expect(result().afterTimeout).toBe(result().timeout);
  });

  it('says the device was lost when it was', () => {
    expect(result().deviceLost).toMatch(/GPU device was lost/);
  });

  it('reports the cost of a round trip beside the wasm kernel', () => {
    for (const t of result().timings) {
      console.log(
        `bridge matmul ${t.size}x${t.size}: GPU ${t.gpuMs.toFixed(2)} ms, wasm ${t.wasmMs.toFixed(3)} ms per call`,
      );
      expect(t.gpuMs).toBeGreaterThan(0);
    }
  });
});
