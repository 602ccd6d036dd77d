/// <reference lib="webworker" />
/**
 * The lab benchmark's WebGPU trainer (a worker, bundled by lab.mjs): gradlab's trainer with the
 * learner-interface layers, as the lab's worker runs it on the WebGPU engine.
 */
import {
  GpuBridgeClient,
  registerWebGpuBridge,
  setBackend,
  setStorageSlabs,
  stackBackend,
} from '@gradlab/kernels';
import { makeDataset } from '../lib/lab/datasets.ts';
import { Trainer } from '../lib/lab/train.ts';
import { type BenchRow, cnn, learnerModules, mlp, time } from './lab-cases.ts';

declare const MODULES: Record<string, string>;

self.onmessage = (
  event: MessageEvent<{ which: 'a' | 'b'; ms: number; port: MessagePort; adapter: string }>,
) => {
  const { which, ms, port } = event.data;
  try {
    if (!setBackend('wasm')) throw new Error('the wasm kernels are not available in this worker');
    setStorageSlabs(true);
    const client = new GpuBridgeClient(port);
    registerWebGpuBridge(client);
    stackBackend('webgpu');
    const setup = which === 'a' ? mlp : cnn;
    const modules = learnerModules(MODULES);
    const trainer = new Trainer(setup, makeDataset(setup), modules);
    const row: BenchRow = {
      case: which,
      impl: 'gradlab (webgpu engine, learner layers)',
      ...time(() => trainer.trainStep().loss, ms),
    };
    console.log(
      `gradlab webgpu case ${which}: ${client.stats.calls} GPU calls, ${(client.stats.waitMs / Math.max(1, client.stats.calls)).toFixed(2)} ms each`,
    );
    self.postMessage(row);
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
