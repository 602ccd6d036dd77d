/**
 * The TensorFlow.js peers, set up offline: tfjs-backend-wasm (single-threaded, SIMD) reads its
 * .wasm files from node_modules by absolute path, and tfjs-backend-cpu is plain JS.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type TfBackend = 'wasm' | 'cpu';
export { tf };

export interface PeerInfo {
  wasmThreads: number;
  wasmSimd: boolean;
}

export async function setUpPeers(): Promise<PeerInfo> {
  const require = createRequire(import.meta.url);
  // The package's main is dist/tf-backend-wasm.node.js; the .wasm files sit beside it.
  const dist = `${dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`;
  setWasmPaths(dist);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setThreadsCount(1);
  if (!(await tf.setBackend('wasm'))) throw new Error(`tfjs-backend-wasm did not initialise from ${dist}`);
  const info = {
    wasmThreads: getThreadsCount(),
    wasmSimd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
  };
  if (!(await tf.setBackend('cpu'))) throw new Error('tfjs-backend-cpu did not initialise');
  return info;
}

export async function useBackend(backend: TfBackend): Promise<void> {
  if (tf.getBackend() !== backend) await tf.setBackend(backend);
}
