/**
 * The GPU side of the WebGPU tests: runs every conformance case and the API checks on a
 * backend and returns plain JSON (outputs as base64 f32), so the same code runs in a Node
 * child process and inside headless Chromium, and vitest compares against the js reference.
 */
import type { GpuStats, WebGpuAdapterSummary, WebGpuBackend } from '../../src/backend/webgpu/index.ts';
import { type Case, cases, inputsOf } from './cases.ts';

export interface SuiteReport {
  adapter: WebGpuAdapterSummary;
  /** base64 of each case's Float32Array output, or the error it threw. */
  outputs: Record<string, { base64: string } | { error: string }>;
  checks: {
    /** relu(x @ w1) @ w2, then its column sums: recorded as one batch, read back twice. */
    chain: { y: string; sums: string; dispatches: number; submits: number };
    /** Pipelines created by a second run of every case (should be 0: all cached). */
    pipelinesAddedOnRepeat: number;
    /** Live buffers before and after 1,000 batched ops and 100 one-shot ops, all released. */
    leak: { before: number; after: number; ops: number };
    /** Dispatches made by empty-output calls (should be 0). */
    emptyDispatches: number;
    /** Messages of the errors thrown for bad arguments. */
    badArguments: string[];
    stats: GpuStats;
  };
  millis: number;
}

function toBase64(data: Float32Array): string {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Float32Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

/** Runs one case through the one-shot API. */
export function runCase(gpu: WebGpuBackend, c: Case): Promise<Float32Array> {
  const [x, y, z] = inputsOf(c) as [Float32Array, Float32Array, Float32Array | undefined];
  switch (c.kind) {
    case 'matmul':
      return gpu.matmul(x, y, c.m, c.k, c.n);
    case 'conv2d':
      return gpu.conv2d(x, y, z, c.dims);
    case 'pool2d':
      return gpu.pool2d(c.pool, x, c.dims);
    case 'unary':
      return gpu.unary(c.op, x);
    case 'binary':
      return gpu.binary(c.op, x, y);
    case 'reduce':
      return gpu.reduce(c.op, x, c.outer, c.size, c.inner);
  }
}

/** Inputs of the batched chain check, shared with the checker. */
export function chainInputs(): { x: Float32Array; w1: Float32Array; w2: Float32Array } {
  const fill = (length: number, seed: number) =>
    Float32Array.from({ length }, (_, i) => Math.sin(i * 0.37 + seed));
  return { x: fill(8 * 20, 1), w1: fill(20 * 16, 2), w2: fill(16 * 3, 3) };
}

export async function runSuite(gpu: WebGpuBackend): Promise<SuiteReport> {
  const start = performance.now();
  const outputs: SuiteReport['outputs'] = {};
  for (const c of cases) {
    try {
      outputs[c.name] = { base64: toBase64(await runCase(gpu, c)) };
    } catch (error) {
      outputs[c.name] = { error: String(error) };
    }
  }

  // Every pipeline exists now; a second pass must compile nothing.
  const pipelines = gpu.stats().pipelines;
  for (const c of cases) await runCase(gpu, c);
  const pipelinesAddedOnRepeat = gpu.stats().pipelines - pipelines;

  // A batched chain: 4 kernels, no readback until the end.
  const { x, w1, w2 } = chainInputs();
  const before = gpu.stats();
  const tx = gpu.upload(x);
  const tw1 = gpu.upload(w1);
  const tw2 = gpu.upload(w2);
  const h = gpu.ops.matmul(tx, tw1, 8, 20, 16);
  const hr = gpu.ops.unary('relu', h);
  const ty = gpu.ops.matmul(hr, tw2, 8, 16, 3);
  const tsum = gpu.ops.reduce('sum', ty, 1, 8, 3);
  gpu.release(tx, tw1, tw2, h, hr); // still in use by recorded work: freed after submit
  const sums = await gpu.read(tsum);
  const y = await gpu.read(ty);
  gpu.release(ty, tsum);
  const after = gpu.stats();
  const chain = {
    y: toBase64(y),
    sums: toBase64(sums),
    dispatches: after.dispatches - before.dispatches,
    submits: after.submits - before.submits,
  };

  // Leaks: 1,000 batched ops and 100 one-shot ops, everything released.
  const step = async (i: number) => {
    const t = gpu.upload(new Float32Array(300).fill(i % 7));
    const u = gpu.ops.unary('exp', t);
    const v = gpu.ops.binary('add', u, t);
    const w = gpu.ops.reduce('max', v, 1, 300, 1);
    const s = gpu.ops.matmul(w, w, 1, 1, 1);
    gpu.release(t, u, v, w, s);
    if (i % 50 === 0) await gpu.sync();
  };
  await step(0);
  await gpu.sync();
  const leakBefore = gpu.stats().liveBuffers;
  for (let i = 1; i <= 250; i++) await step(i); // 4 ops each: 1,000 ops
  for (let i = 0; i < 100; i++) await gpu.unary('tanh', new Float32Array(300).fill(i));
  await gpu.sync();
  const leak = { before: leakBefore, after: gpu.stats().liveBuffers, ops: 1100 };

  // Empty outputs: no dispatch.
  const d0 = gpu.stats().dispatches;
  await gpu.matmul(new Float32Array(0), new Float32Array(15), 0, 5, 3);
  await gpu.unary('exp', new Float32Array(0));
  await gpu.reduce('sum', new Float32Array(0), 0, 4, 2);
  await gpu.conv2d(new Float32Array(0), new Float32Array(2 * 3 * 9), undefined, {
    n: 0,
    c: 3,
    h: 5,
    wIn: 5,
    f: 2,
    kh: 3,
    kw: 3,
    stride: 1,
    pad: 1,
    outH: 5,
    outW: 5,
  });
  const emptyDispatches = gpu.stats().dispatches - d0;

  const badArguments: string[] = [];
  for (const bad of [
    () => gpu.matmul(new Float32Array(6), new Float32Array(6), 2, 3, 3),
    () => gpu.binary('add', new Float32Array(3), new Float32Array(4)),
    () => gpu.reduce('sum', new Float32Array(5), 1, 2, 2),
  ]) {
    try {
      await bad();
      badArguments.push('no error');
    } catch (error) {
      badArguments.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }

  await gpu.sync();
  return {
    adapter: gpu.adapter,
    outputs,
    checks: { chain, pipelinesAddedOnRepeat, leak, emptyDispatches, badArguments, stats: gpu.stats() },
    millis: performance.now() - start,
  };
}
