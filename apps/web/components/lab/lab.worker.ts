/// <reference lib="webworker" />
// The training lab's loop, off the page's thread: the learner's own blocks train a network on a
// seeded dataset; the page gets curves, gradient norms and the decision boundary (2-D sets) or
// the confusion matrix and misclassified images (image sets) as it learns.
import { loadLearnerModule } from '@gradlab/grader/browser';
import {
  GpuBridgeClient,
  GpuBridgeError,
  getBackend,
  registerWebGpuBridge,
  setBackend,
  setStorageSlabs,
  stackBackend,
  stackedBackend,
} from '@gradlab/kernels';
import { type BlockCheck, checkBlocks } from '../../lib/lab/check-blocks.ts';
import { makeDataset, type Points } from '../../lib/lab/datasets.ts';
import { isImageSet, type LabSetup } from '../../lib/lab/setup.ts';
import { BlockError, type LearnerModules, Trainer } from '../../lib/lab/train.ts';

export type LabRequest =
  | {
      type: 'init';
      setup: LabSetup;
      modules: Record<string, string>;
      /** the port to the GPU worker (engine webgpu, when the page got a device), and its adapter */
      gpu: { port: MessagePort; adapter: string } | null;
    }
  | { type: 'run' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'check' };

export interface LabRecord {
  step: number;
  epoch: number;
  /** mean training loss (with L2) over the steps since the last record */
  loss: number;
  validationLoss: number;
  trainAccuracy: number;
  validationAccuracy: number;
  gradNorms: number[];
}

/** How a CNN does on the validation images: counts per (true, predicted) class, and some it gets wrong. */
export interface ImageReport {
  /** confusion[true class][predicted class]: validation images */
  confusion: number[][];
  /** the first few misclassified validation images: their index, and the class predicted */
  misclassified: { index: number; predicted: number }[];
}

/** The engine that actually trains, and why not the one asked for (null when it is). */
export interface EngineReport {
  name: 'WebGPU' | 'WebAssembly' | 'JavaScript';
  /** the GPU adapter (WebGPU), else empty */
  adapter: string;
  fallback: string | null;
}

export type LabReply =
  | {
      type: 'ready';
      /** the training points (2-D sets; null for images, which the page does not draw) */
      train: { x: number[]; y: number[] } | null;
      validation: { x: number[]; y: number[] };
      classes: number;
      /** image sets: each image's side in pixels and the class names (null for 2-D sets) */
      images: { size: number; labels: string[] } | null;
      stepsPerEpoch: number;
      totalSteps: number;
      engine: EngineReport;
    }
  | {
      type: 'progress';
      records: LabRecord[];
      stepsPerSecond: number;
      boundary: number[] | null;
      resolution: number;
      images: ImageReport | null;
    }
  | { type: 'done' }
  | { type: 'checked'; results: BlockCheck[] }
  | { type: 'error'; block: string; message: string };

const RESOLUTION = 50;
/** training time per chunk (the curves get a point per chunk) */
const CHUNK_MS = 120;
/** a CNN's step and its measurements take far longer: longer chunks keep most of the time for training */
const IMAGE_CHUNK_MS = 500;
/** image sets measure training accuracy on this many training images, not all: a forward pass over all costs seconds */
const IMAGE_TRAIN_SAMPLE = 256;
/** misclassified validation images sent to the page */
const MISCLASSIFIED = 8;
/** the decision boundary is redrawn this often while training */
const BOUNDARY_MS = 1000;

// the engine's WebAssembly kernels where they exist (float64 and float32), JS for the rest
if (!setBackend('wasm'))
  console.warn('gradlab lab: WebAssembly SIMD is not available here, training on the JS kernels');
// small arrays share slabs: a browser's per-ArrayBuffer cost dominated a training step
setStorageSlabs(true);
let trainer: Trainer | null = null;
let loaded: { setup: LabSetup; modules: LearnerModules } | null = null;
let totalSteps = 0;
let running = false;
let lastBoundary = 0;
/** the training examples whose accuracy the curves show (all for 2-D sets, a fixed sample for images) */
let measured: Points | null = null;

const post = (reply: LabReply) => self.postMessage(reply);

function fail(error: unknown) {
  running = false;
  const gpu = error instanceof GpuBridgeError;
  post({
    type: 'error',
    block: error instanceof BlockError ? error.block : gpu ? 'WebGPU' : 'the lab',
    message: `${error instanceof Error ? error.message : String(error)}${gpu ? '. Choose the WebAssembly engine to keep training.' : ''}`,
  });
}

/**
 * Routes matmul and convolution to the GPU worker when the page connected one (`webgpu`
 * stacked over `wasm`; the other ops stay on WASM), else trains on the CPU kernels alone.
 */
function chooseEngine(gpu: { port: MessagePort; adapter: string } | null): EngineReport {
  stackBackend(null);
  const cpu: EngineReport['name'] = getBackend() === 'wasm' ? 'WebAssembly' : 'JavaScript';
  if (!gpu) return { name: cpu, adapter: '', fallback: null };
  try {
    registerWebGpuBridge(new GpuBridgeClient(gpu.port));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`gradlab lab: WebGPU asked for, training on ${cpu}: ${reason}`);
    return { name: cpu, adapter: '', fallback: reason };
  }
  stackBackend('webgpu');
  return { name: 'WebGPU', adapter: gpu.adapter, fallback: null };
}

/** Gradient checks compare with centred differences, which need float64: never on the GPU. */
function onCpu<T>(run: () => T): T {
  const front = stackedBackend();
  stackBackend(null);
  try {
    return run();
  } finally {
    stackBackend(front);
  }
}

/**
 * Runs steps for about one frame, then reports; `budgetMs` 0 runs exactly one step. The first
 * step is reported alone: its loss is the untrained network's, which the notes compare with log C.
 */
function chunk(budgetMs: number): void {
  if (!trainer) return;
  if (trainer.step === 0) budgetMs = 0;
  const started = performance.now();
  const losses: number[] = [];
  let last = null as ReturnType<Trainer['trainStep']> | null;
  do {
    last = trainer.trainStep();
    losses.push(last.loss);
  } while (budgetMs > 0 && performance.now() - started < budgetMs && trainer.step < totalSteps);
  const elapsed = performance.now() - started;
  const validation = trainer.evaluate(trainer.data.validation);
  const record: LabRecord = {
    step: last.step,
    epoch: last.epoch,
    loss: losses.reduce((a, b) => a + b, 0) / losses.length,
    validationLoss: validation.loss,
    trainAccuracy: trainer.accuracy(measured ?? trainer.data.train),
    validationAccuracy: validation.accuracy,
    gradNorms: last.gradNorms,
  };
  const images = trainer.conv !== null;
  const now = performance.now();
  const boundaryDue =
    !images && (budgetMs === 0 || now - lastBoundary > BOUNDARY_MS || trainer.step >= totalSteps);
  if (boundaryDue) lastBoundary = now;
  post({
    type: 'progress',
    records: [record],
    stepsPerSecond: elapsed > 0 ? (losses.length * 1000) / elapsed : 0,
    boundary: boundaryDue ? Array.from(trainer.boundary(RESOLUTION)) : null,
    resolution: RESOLUTION,
    images: images
      ? imageReport(trainer.data.validation.y, validation.predicted, trainer.data.classes)
      : null,
  });
}

function imageReport(labels: Int32Array, predicted: Int32Array, classes: number): ImageReport {
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const misclassified: ImageReport['misclassified'] = [];
  for (let i = 0; i < labels.length; i++) {
    const truth = labels[i] ?? 0;
    const guess = predicted[i] ?? 0;
    const row = confusion[truth];
    if (row) row[guess] = (row[guess] ?? 0) + 1;
    if (truth !== guess && misclassified.length < MISCLASSIFIED)
      misclassified.push({ index: i, predicted: guess });
  }
  return { confusion, misclassified };
}

/** The first `count` examples of a set (each `size` numbers long). */
function firstOf(set: Points, count: number, size: number): Points {
  const n = Math.min(count, set.y.length);
  return { x: set.x.slice(0, n * size), y: set.y.slice(0, n) };
}

function loop() {
  if (!running || !trainer) return;
  try {
    chunk(trainer.conv ? IMAGE_CHUNK_MS : CHUNK_MS);
  } catch (error) {
    fail(error);
    return;
  }
  if (trainer.step >= totalSteps) {
    running = false;
    post({ type: 'done' });
    return;
  }
  setTimeout(loop, 0);
}

self.onmessage = (event: MessageEvent<LabRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'init') {
      running = false;
      const modules: LearnerModules = {};
      for (const [exercise, js] of Object.entries(request.modules)) modules[exercise] = loadLearnerModule(js);
      loaded = { setup: request.setup, modules };
      const engine = chooseEngine(request.gpu);
      const data = makeDataset(request.setup);
      trainer = new Trainer(request.setup, data, modules);
      totalSteps = request.setup.epochs * trainer.stepsPerEpoch;
      const images = isImageSet(request.setup);
      const size = data.shape.reduce((a, b) => a * b, 1);
      // the training set is shuffled, so its first images are a fair sample of it
      measured = images ? firstOf(data.train, IMAGE_TRAIN_SAMPLE, size) : null;
      post({
        type: 'ready',
        train: images ? null : { x: Array.from(data.train.x), y: Array.from(data.train.y) },
        validation: { x: Array.from(data.validation.x), y: Array.from(data.validation.y) },
        classes: data.classes,
        images: images ? { size: data.shape[2] ?? 0, labels: data.labels } : null,
        stepsPerEpoch: trainer.stepsPerEpoch,
        totalSteps,
        engine,
      });
      post({
        type: 'progress',
        records: [],
        stepsPerSecond: 0,
        boundary: images ? null : Array.from(trainer.boundary(RESOLUTION)),
        resolution: RESOLUTION,
        images: null,
      });
    } else if (request.type === 'run') {
      if (!running && trainer && trainer.step < totalSteps) {
        running = true;
        loop();
      }
    } else if (request.type === 'pause') {
      running = false;
    } else if (request.type === 'check') {
      const setup = loaded?.setup;
      const modules = loaded?.modules;
      if (setup && modules) post({ type: 'checked', results: onCpu(() => checkBlocks(setup, modules)) });
    } else if (request.type === 'step') {
      running = false;
      if (trainer && trainer.step < totalSteps) chunk(0);
    }
  } catch (error) {
    fail(error);
  }
};
