/**
 * The lab benchmark's page code (bundled by lab.mjs): gradlab's trainer with the learner-interface
 * layers (the reference solutions standing in for a learner's) beside TensorFlow.js training the
 * same MLP on the same data with the same batch, in one page of Chromium.
 */
import { loadLearnerModule } from '@gradlab/grader/browser';
import { getBackend, loadWasmKernels, setBackend, setStorageSlabs } from '@gradlab/kernels';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { makeDataset } from '../lib/lab/datasets.ts';
import { setupSchema } from '../lib/lab/setup.ts';
import { Trainer } from '../lib/lab/train.ts';

declare const MODULES: Record<string, string>;

export interface BenchRow {
  impl: string;
  stepsPerSecond: number;
  steps: number;
  finalLoss: number;
}

const setup = setupSchema.parse({
  points: 1000,
  hidden: '100,100',
  batchSize: 100,
  learningRate: 0.01,
  epochs: 2000,
});

/** Steps for about `ms` milliseconds after `warm` warm-up steps; steps per second. */
function time(
  step: () => number,
  ms: number,
  warm = 5,
): { stepsPerSecond: number; steps: number; finalLoss: number } {
  let loss = 0;
  for (let i = 0; i < warm; i++) loss = step();
  const started = performance.now();
  let steps = 0;
  while (performance.now() - started < ms) {
    loss = step();
    steps += 1;
  }
  return { stepsPerSecond: (steps * 1000) / (performance.now() - started), steps, finalLoss: loss };
}

function gradlab(backend: 'js' | 'wasm', ms: number): BenchRow {
  if (!setBackend(backend) || getBackend() !== backend)
    throw new Error(`the ${backend} backend is not available in this page`);
  setStorageSlabs(true); // as the lab's worker does
  const modules = Object.fromEntries(Object.entries(MODULES).map(([id, js]) => [id, loadLearnerModule(js)]));
  const trainer = new Trainer(setup, makeDataset(setup), modules);
  return {
    impl: `gradlab (${backend} kernels, learner layers)`,
    ...time(() => trainer.trainStep().loss, ms),
  };
}

async function tfjs(backend: 'cpu' | 'wasm', ms: number): Promise<BenchRow> {
  await tf.setBackend(backend);
  const data = makeDataset(setup);
  const n = data.train.y.length;
  const x = tf.tensor2d(Float32Array.from(data.train.x), [n, 2], 'float32');
  const y = tf.oneHot(tf.tensor1d(data.train.y, 'int32'), data.classes);
  const widths = [2, 100, 100, data.classes];
  const layers = widths.slice(1).map((out, i) => ({
    w: tf.variable(tf.randomNormal([widths[i] as number, out], 0, Math.sqrt(2 / (widths[i] as number)))),
    b: tf.variable(tf.zeros([out])),
  }));
  const optimizer = tf.train.adam(setup.learningRate);
  let offset = 0;
  const step = () => {
    const start = offset;
    offset = (offset + setup.batchSize) % (n - setup.batchSize);
    const cost = optimizer.minimize(() => {
      const xb = tf.slice(x, [start, 0], [setup.batchSize, 2]);
      const yb = tf.slice(y, [start, 0], [setup.batchSize, data.classes]);
      let h: tf.Tensor = xb;
      layers.forEach(({ w, b }, i) => {
        h = tf.add(tf.matMul(h as tf.Tensor2D, w), b);
        if (i + 1 < layers.length) h = tf.relu(h);
      });
      const l2 = layers.reduce((sum: tf.Scalar, { w }) => tf.add(sum, tf.sum(tf.square(w))), tf.scalar(0));
      return tf.add(tf.losses.softmaxCrossEntropy(yb, h as tf.Tensor2D), tf.mul(setup.reg, l2)) as tf.Scalar;
    }, true);
    const value = (cost as tf.Scalar).dataSync()[0] as number;
    cost?.dispose();
    return value;
  };
  const row = { impl: `TensorFlow.js (${backend})`, ...time(step, ms) };
  for (const { w, b } of layers) {
    w.dispose();
    b.dispose();
  }
  x.dispose();
  y.dispose();
  return row;
}

(globalThis as unknown as { runBench: (ms: number, wasmBase: string) => Promise<BenchRow[]> }).runBench =
  async (ms, wasmBase) => {
    setWasmPaths(wasmBase);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setThreadsCount(1);
    const rows: BenchRow[] = [];
    // the page's main thread compiles the kernels asynchronously (the lab's worker could do it either way)
    if (!(await loadWasmKernels())) throw new Error('the wasm kernels could not be loaded in this page');
    rows.push(gradlab('wasm', ms));
    rows.push(gradlab('js', ms));
    rows.push(await tfjs('wasm', ms));
    rows.push(await tfjs('cpu', ms));
    return rows;
  };
