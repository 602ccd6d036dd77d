/** The lab benchmark's two cases and its timing loop, shared by the page and the WebGPU trainer worker. */
import { loadLearnerModule } from '@gradlab/grader/browser';
import { setupSchema } from '../lib/lab/setup.ts';
import type { LearnerModules } from '../lib/lab/train.ts';

export interface BenchRow {
  /** a: the MLP on the spiral; b: the CNN on the shapes */
  case: 'a' | 'b';
  impl: string;
  stepsPerSecond: number;
  steps: number;
  finalLoss: number;
}

export const mlp = setupSchema.parse({
  points: 1000,
  hidden: '100,100',
  batchSize: 100,
  learningRate: 0.01,
  epochs: 2000,
});

/** Case (b): conv 8 filters 3x3 pad 1 -> ReLU -> max-pool 2x2 -> affine 512-64 -> ReLU -> affine 64-5. */
export const cnn = setupSchema.parse({
  dataset: 'shapes',
  points: 2000,
  classes: 5,
  filters: 8,
  hidden: '64',
  batchSize: 50,
  learningRate: 0.005,
  epochs: 2000,
});

/** Steps for about `ms` milliseconds after `warm` warm-up steps; steps per second. */
export function time(
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

/** The compiled reference solutions (by exercise id), loaded as Run loads a learner's module. */
export function learnerModules(sources: Record<string, string>): LearnerModules {
  return Object.fromEntries(Object.entries(sources).map(([id, js]) => [id, loadLearnerModule(js)]));
}
