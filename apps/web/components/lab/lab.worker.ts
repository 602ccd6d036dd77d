/// <reference lib="webworker" />
// The training lab's loop, off the page's thread: the learner's own blocks train a network on a
// seeded dataset; the page gets curves, gradient norms and the decision boundary as it learns.
import { loadLearnerModule } from '@gradlab/grader/browser';
import { setBackend, setStorageSlabs } from '@gradlab/kernels';
import { type BlockCheck, checkBlocks } from '../../lib/lab/check-blocks.ts';
import { makeDataset } from '../../lib/lab/datasets.ts';
import type { LabSetup } from '../../lib/lab/setup.ts';
import { BlockError, type LearnerModules, Trainer } from '../../lib/lab/train.ts';

export type LabRequest =
  | { type: 'init'; setup: LabSetup; modules: Record<string, string> }
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

export type LabReply =
  | {
      type: 'ready';
      train: { x: number[]; y: number[] };
      validation: { x: number[]; y: number[] };
      classes: number;
      stepsPerEpoch: number;
      totalSteps: number;
    }
  | {
      type: 'progress';
      records: LabRecord[];
      stepsPerSecond: number;
      boundary: number[] | null;
      resolution: number;
    }
  | { type: 'done' }
  | { type: 'checked'; results: BlockCheck[] }
  | { type: 'error'; block: string; message: string };

const RESOLUTION = 50;
/** training time per chunk (the curves get a point per chunk) */
const CHUNK_MS = 120;
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

const post = (reply: LabReply) => self.postMessage(reply);

function fail(error: unknown) {
  running = false;
  post({
    type: 'error',
    block: error instanceof BlockError ? error.block : 'the lab',
    message: error instanceof Error ? error.message : String(error),
  });
}

/** Runs steps for about one frame, then reports; `budgetMs` 0 runs exactly one step. */
function chunk(budgetMs: number): void {
  if (!trainer) return;
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
    trainAccuracy: trainer.accuracy(trainer.data.train),
    validationAccuracy: validation.accuracy,
    gradNorms: last.gradNorms,
  };
  const now = performance.now();
  const boundaryDue = budgetMs === 0 || now - lastBoundary > BOUNDARY_MS || trainer.step >= totalSteps;
  if (boundaryDue) lastBoundary = now;
  post({
    type: 'progress',
    records: [record],
    stepsPerSecond: elapsed > 0 ? (losses.length * 1000) / elapsed : 0,
    boundary: boundaryDue ? Array.from(trainer.boundary(RESOLUTION)) : null,
    resolution: RESOLUTION,
  });
}

function loop() {
  if (!running || !trainer) return;
  try {
    chunk(CHUNK_MS);
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
      const data = makeDataset(request.setup);
      trainer = new Trainer(request.setup, data, modules);
      totalSteps = request.setup.epochs * trainer.stepsPerEpoch;
      post({
        type: 'ready',
        train: { x: Array.from(data.train.x), y: Array.from(data.train.y) },
        validation: { x: Array.from(data.validation.x), y: Array.from(data.validation.y) },
        classes: data.classes,
        stepsPerEpoch: trainer.stepsPerEpoch,
        totalSteps,
      });
      post({
        type: 'progress',
        records: [],
        stepsPerSecond: 0,
        boundary: Array.from(trainer.boundary(RESOLUTION)),
        resolution: RESOLUTION,
      });
    } else if (request.type === 'run') {
      if (!running && trainer && trainer.step < totalSteps) {
        running = true;
        loop();
      }
    } else if (request.type === 'pause') {
      running = false;
    } else if (request.type === 'check') {
      if (loaded) post({ type: 'checked', results: checkBlocks(loaded.setup, loaded.modules) });
    } else if (request.type === 'step') {
      running = false;
      if (trainer && trainer.step < totalSteps) chunk(0);
    }
  } catch (error) {
    fail(error);
  }
};
