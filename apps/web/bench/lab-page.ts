/**
 * The lab benchmark's page code (bundled by lab.mjs): gradlab's trainer with the learner-interface
 * layers (the reference solutions standing in for a learner's) beside TensorFlow.js training the
 * same model on the same data with the same batch, in one page of Chromium. Case (a): the MLP on
 * the spiral; case (b): the small CNN on the shapes.
 */
import { connectGpuWorker, getBackend, loadWasmKernels, setBackend, setStorageSlabs } from '@gradlab/kernels';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { type Dataset, makeDataset } from '../lib/lab/datasets.ts';
import type { LabSetup } from '../lib/lab/setup.ts';
import { Trainer } from '../lib/lab/train.ts';
import { cnn, learnerModules, mlp, time } from './lab-cases.ts';

declare const MODULES: Record<string, string>;

import type { BenchRow } from './lab-cases.ts';

function gradlab(setup: LabSetup, backend: 'js' | 'wasm', ms: number): BenchRow {
  if (!setBackend(backend) || getBackend() !== backend)
    throw new Error(`the ${backend} backend is not available in this page`);
  setStorageSlabs(true); // as the lab's worker does
  const modules = learnerModules(MODULES);
  const trainer = new Trainer(setup, makeDataset(setup), modules);
  return {
    case: setup === cnn ? 'b' : 'a',
    impl: `gradlab (${backend} kernels, learner layers)`,
    ...time(() => trainer.trainStep().loss, ms),
  };
}

async function tfjs(backend: 'cpu' | 'wasm', ms: number): Promise<BenchRow> {
  const setup = mlp;
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
  const row: BenchRow = { case: 'a', impl: `TensorFlow.js (${backend})`, ...time(step, ms) };
  for (const { w, b } of layers) {
    w.dispose();
    b.dispose();
  }
  x.dispose();
  y.dispose();
  return row;
}

/**
 * gradlab on WebGPU, as the lab trains with it: the trainer in a worker (it blocks on the GPU's
 * answers), matmul and conv2d through the synchronous bridge to a GPU worker, the rest on WASM.
 */
async function gradlabWebGpu(which: 'a' | 'b', ms: number): Promise<BenchRow> {
  const gpu = await connectGpuWorker(() => new Worker('/gpu-worker.js'));
  if (!gpu.ok) throw new Error(`WebGPU is not available in this page: ${gpu.reason}`);
  const trainer = new Worker('/trainer-worker.js');
  try {
    return await new Promise<BenchRow>((resolve, reject) => {
      trainer.onmessage = (event: MessageEvent<BenchRow | { error: string }>) =>
        'error' in event.data ? reject(new Error(event.data.error)) : resolve(event.data);
      trainer.onerror = (event) => reject(new Error(event.message));
      trainer.postMessage({ which, ms, port: gpu.port, adapter: gpu.adapter }, [gpu.port]);
    });
  } finally {
    trainer.terminate();
    gpu.worker.terminate();
  }
}

/**
 * How TensorFlow.js convolves. Its wasm backend (4.22) has no Conv2DBackpropFilter kernel, so
 * tf.conv2d cannot be trained there; two stand-ins that it can train: 'conv3d', the same layer as
 * a 3-D convolution over a depth of 1 (its Conv3D kernels have both gradients), and 'shifts', the
 * nine shifted copies of the padded image side by side times the filters as one matMul (im2col
 * from slices and concat, each with a gradient). 'conv2d' is tfjs's own 2-D layer (cpu only).
 */
type TfConv = 'conv2d' | 'conv3d' | 'shifts';

/**
 * Case (b) in TensorFlow.js: the same CNN, with tfjs's own layers (channels last, as its wasm
 * backend wants: the flattened features come in another order, the same model up to a permutation
 * of the first affine layer's rows), consecutive batches as in case (a), Adam, softmax
 * cross-entropy plus L2 on all weights.
 */
async function tfjsCnn(backend: 'cpu' | 'wasm', how: TfConv, ms: number): Promise<BenchRow> {
  const setup = cnn;
  await tf.setBackend(backend);
  const data: Dataset = makeDataset(setup);
  const [channels = 1, size = 16] = data.shape;
  const n = data.train.y.length;
  const x = tf.transpose(
    tf.tensor4d(Float32Array.from(data.train.x), [n, channels, size, size]),
    [0, 2, 3, 1],
  );
  const y = tf.oneHot(tf.tensor1d(data.train.y, 'int32'), data.classes);
  const pooled = setup.filters * (size / 2) * (size / 2);
  const he = (fanIn: number) => Math.sqrt(2 / fanIn);
  const filters = tf.variable(tf.randomNormal([3, 3, channels, setup.filters], 0, he(9 * channels)));
  const filterBias = tf.variable(tf.zeros([setup.filters]));
  const widths = [pooled, 64, data.classes];
  const layers = widths.slice(1).map((out, i) => ({
    w: tf.variable(tf.randomNormal([widths[i] as number, out], 0, he(widths[i] as number))),
    b: tf.variable(tf.zeros([out])),
  }));
  const optimizer = tf.train.adam(setup.learningRate);
  let offset = 0;
  const step = () => {
    const start = offset;
    offset = (offset + setup.batchSize) % (n - setup.batchSize);
    const cost = optimizer.minimize(() => {
      const xb = tf.slice(x, [start, 0, 0, 0], [setup.batchSize, size, size, channels]) as tf.Tensor4D;
      const yb = tf.slice(y, [start, 0], [setup.batchSize, data.classes]);
      const conv = tf.relu(tf.add(convolve(xb, filters as tf.Tensor4D, how), filterBias)) as tf.Tensor4D;
      let h: tf.Tensor = tf.reshape(tf.maxPool(conv, 2, 2, 'valid'), [setup.batchSize, pooled]);
      layers.forEach(({ w, b }, i) => {
        h = tf.add(tf.matMul(h as tf.Tensor2D, w), b);
        if (i + 1 < layers.length) h = tf.relu(h);
      });
      const l2 = layers.reduce(
        (sum: tf.Scalar, { w }) => tf.add(sum, tf.sum(tf.square(w))),
        tf.sum(tf.square(filters)) as tf.Scalar,
      );
      return tf.add(tf.losses.softmaxCrossEntropy(yb, h as tf.Tensor2D), tf.mul(setup.reg, l2)) as tf.Scalar;
    }, true);
    const value = (cost as tf.Scalar).dataSync()[0] as number;
    cost?.dispose();
    return value;
  };
  const row: BenchRow = {
    case: 'b',
    impl: `TensorFlow.js (${backend}${how === 'conv2d' ? '' : `, ${how}`})`,
    ...time(step, ms),
  };
  for (const { w, b } of layers) {
    w.dispose();
    b.dispose();
  }
  for (const t of [filters, filterBias, x, y]) t.dispose();
  return row;
}

/** A 3x3 convolution with padding 1, stride 1, of x (N, H, W, C) by filters (3, 3, C, F). */
function convolve(x: tf.Tensor4D, filters: tf.Tensor4D, how: TfConv): tf.Tensor4D {
  if (how === 'conv2d') return tf.conv2d(x, filters, 1, 'same');
  const [n = 0, h = 0, w = 0, c = 0] = x.shape;
  const f = filters.shape[3];
  if (how === 'conv3d')
    return tf.reshape(
      tf.conv3d(
        tf.reshape(x, [n, 1, h, w, c]) as tf.Tensor5D,
        tf.reshape(filters, [1, 3, 3, c, f]) as tf.Tensor5D,
        1,
        'same',
      ),
      [n, h, w, f],
    );
  const padded = tf.pad(x, [
    [0, 0],
    [1, 1],
    [1, 1],
    [0, 0],
  ]);
  const shifted: tf.Tensor4D[] = [];
  for (let a = 0; a < 3; a++)
    for (let b = 0; b < 3; b++) shifted.push(tf.slice(padded, [0, a, b, 0], [n, h, w, c]));
  // columns ordered (a, b, c), as the filters' rows are
  const cols = tf.reshape(tf.concat(shifted, 3), [n * h * w, 9 * c]);
  return tf.reshape(tf.matMul(cols, tf.reshape(filters, [9 * c, f])), [n, h, w, f]);
}

(globalThis as unknown as { runBench: (ms: number, wasmBase: string) => Promise<BenchRow[]> }).runBench =
  async (ms, wasmBase) => {
    setWasmPaths(wasmBase);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setThreadsCount(1);
    const rows: BenchRow[] = [];
    // the page's main thread compiles the kernels asynchronously (the lab's worker could do it either way)
    if (!(await loadWasmKernels())) throw new Error('the wasm kernels could not be loaded in this page');
    rows.push(gradlab(mlp, 'wasm', ms));
    rows.push(gradlab(mlp, 'js', ms));
    rows.push(await tfjs('wasm', ms));
    rows.push(await tfjs('cpu', ms));
    rows.push(await gradlabWebGpu('a', ms));
    rows.push(gradlab(cnn, 'wasm', ms));
    rows.push(await gradlabWebGpu('b', ms));
    rows.push(gradlab(cnn, 'js', ms));
    rows.push(await tfjsCnn('wasm', 'conv3d', ms));
    rows.push(await tfjsCnn('wasm', 'shifts', ms));
    rows.push(await tfjsCnn('cpu', 'conv2d', ms));
    return rows;
  };
