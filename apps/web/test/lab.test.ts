import fs from 'node:fs';
import path from 'node:path';
import { contentRoot } from '@gradlab/content';
import { loadLearnerModule } from '@gradlab/grader/browser';
import type { np } from '@gradlab/kernels';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { labExercises } from '../lib/lab/blocks.ts';
import { checkBlocks } from '../lib/lab/check-blocks.ts';
import { makeDataset } from '../lib/lab/datasets.ts';
import { diagnose } from '../lib/lab/diagnose.ts';
import { parseSetup, setupQuery, setupSchema } from '../lib/lab/setup.ts';
import { BlockError, type LearnerModules, Trainer } from '../lib/lab/train.ts';

/** The reference solutions stand in for a learner's code, loaded as Run loads a module. */
function referenceModules(): LearnerModules {
  return Object.fromEntries(
    labExercises.map((id) => {
      const source = fs.readFileSync(path.join(contentRoot(), 'exercises', id, 'solution.ts'), 'utf8');
      const js = transformSync(source, { loader: 'ts', format: 'cjs', target: 'es2020' }).code;
      return [id, loadLearnerModule(js)];
    }),
  );
}

describe('the training lab', () => {
  it('draws the same dataset from the same seed, split as asked', () => {
    const setup = setupSchema.parse({ dataset: 'spiral', points: 300, classes: 3, validation: 0.2 });
    const a = makeDataset(setup);
    const b = makeDataset(setup);
    expect(a.train.x).toEqual(b.train.x);
    expect(a.train.y.length).toBe(240);
    expect(a.validation.y.length).toBe(60);
    expect(new Set(a.train.y)).toEqual(new Set([0, 1, 2]));
    expect(makeDataset({ ...setup, seed: 2 }).train.x).not.toEqual(a.train.x);
    for (const dataset of ['circles', 'xor', 'blobs', 'moons'] as const)
      expect(makeDataset({ ...setup, dataset }).classes).toBe(dataset === 'blobs' ? 3 : 2);
  });

  it('trains an MLP made of the learner blocks on the spiral, reproducibly', () => {
    const setup = setupSchema.parse({ points: 300, hidden: '50', epochs: 50, learningRate: 0.02 });
    const data = makeDataset(setup);
    const run = () => {
      const trainer = new Trainer(setup, data, referenceModules());
      const losses = Array.from({ length: 200 }, () => trainer.trainStep().loss);
      return { trainer, losses };
    };
    const { trainer, losses } = run();
    expect(losses[0]).toBeGreaterThan(0.8); // near log 3 at the start
    expect(losses[0]).toBeLessThan(1.5);
    expect(losses.at(-1)).toBeLessThan(0.5 * (losses[0] as number));
    expect(trainer.accuracy(data.train)).toBeGreaterThan(0.85);
    expect(trainer.boundary(10)).toHaveLength(100);
    expect(run().losses).toEqual(losses);
    expect(
      diagnose([{ loss: losses[0] as number, trainAccuracy: 0.3, validationAccuracy: 0.3 }], 3, 'softmax'),
    ).toEqual([]);
  });

  it("names the learner's block that fails, and the first one that made a non-finite value", () => {
    const setup = setupSchema.parse({ points: 100, hidden: '8' });
    const data = makeDataset(setup);
    const modules = referenceModules();
    expect(() => new Trainer(setup, data, { ...modules, 'relu-layer': {} })).toThrow(
      'your relu-layer code has no function reluForward',
    );
    const broken = {
      ...modules,
      'relu-layer': {
        ...modules['relu-layer'],
        reluForward: (x: ReturnType<typeof np.array>) => ({ out: x.multiply(Number.NaN), cache: { x } }),
      },
    };
    const trainer = new Trainer(setup, data, broken);
    let error: unknown;
    try {
      trainer.trainStep();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BlockError);
    expect((error as Error).message).toContain('the first non-finite value came from layer 1 (ReLU) forward');
  });

  it('keeps a set-up in the URL, and says which parameter was wrong', () => {
    const { setup, errors } = parseSetup({
      dataset: 'moons',
      learningRate: '0.5',
      hidden: 'ten',
      batchSize: '32',
    });
    expect(setup.dataset).toBe('moons');
    expect(setup.batchSize).toBe(32);
    expect(setup.hidden).toBe('100,100');
    expect(errors[0]).toContain('hidden');
    expect(setupQuery(setup)).toBe('dataset=moons&learningRate=0.5&batchSize=32');
  });

  it('trains with batch normalization and dropout from the learner blocks', () => {
    const setup = setupSchema.parse({
      points: 300,
      hidden: '32',
      batchnorm: 'on',
      dropout: 0.2,
      learningRate: 0.02,
    });
    const data = makeDataset(setup);
    const trainer = new Trainer(setup, data, referenceModules());
    const losses = Array.from({ length: 150 }, () => trainer.trainStep().loss);
    expect(losses.at(-1)).toBeLessThan(0.6 * (losses[0] as number));
    // measuring draws no random numbers: two runs measured differently stay the same
    const again = new Trainer(setup, data, referenceModules());
    const second = Array.from({ length: 150 }, (_, i) => {
      if (i % 7 === 0) again.accuracy(data.validation);
      return again.trainStep().loss;
    });
    expect(second).toEqual(losses);
    expect(trainer.accuracy(data.validation)).toBeGreaterThan(0.7);
    const checks = checkBlocks(setup, referenceModules());
    expect(checks.map((c) => c.block)).toEqual([
      'Affine layer',
      'Batch normalization',
      'ReLU',
      'Dropout',
      'Softmax loss',
      'Adam',
    ]);
    expect(
      checks.every((c) => c.ok),
      JSON.stringify(checks),
    ).toBe(true);
  });
});

describe('check my layers', () => {
  it('passes the reference blocks and names a backward pass that does not match its forward', () => {
    const setup = setupSchema.parse({ hidden: '8', activation: 'tanh', loss: 'svm', optimizer: 'momentum' });
    const modules = referenceModules();
    const good = checkBlocks(setup, modules);
    expect(good.map((c) => c.block)).toEqual(['Affine layer', 'tanh', 'SVM loss', 'SGD with momentum']);
    expect(
      good.every((c) => c.ok),
      JSON.stringify(good),
    ).toBe(true);
    const affine = modules['affine-layer'] as Record<string, (...args: unknown[]) => Record<string, unknown>>;
    const halved = {
      ...modules,
      'affine-layer': {
        ...affine,
        // the seeds' error: dW divided by N
        affineBackward: (dout: unknown, cache: unknown) => {
          const grads = affine.affineBackward?.(dout, cache) ?? {};
          return { ...grads, dw: (grads.dw as ReturnType<typeof np.array>).divide(4) };
        },
      },
    };
    const bad = checkBlocks(setup, halved);
    expect(bad[0]?.ok).toBe(false);
    expect(bad[0]?.message).toContain('dw: relative error 6.0e-1');
    expect(bad[0]?.message).not.toContain('dx:');
  });
});
