import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brokenLectureLinks, contentRoot, listLectures } from '@gradlab/content';
import { loadLearnerModule } from '@gradlab/grader/browser';
import { inStepArena, type NDArray, type np } from '@gradlab/kernels';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { blocksOf, labExercises } from '../lib/lab/blocks.ts';
import { checkBlocks } from '../lib/lab/check-blocks.ts';
import { alignRuns, setupDifferences } from '../lib/lab/compare.ts';
import { IMAGE_SIZE, makeDataset } from '../lib/lab/datasets.ts';
import { diagnose } from '../lib/lab/diagnose.ts';
import { type LabPresetView, labPreset, labPresets } from '../lib/lab/presets.ts';
import { type LabSetup, parseSetup, setupQuery, setupSchema, withDataset } from '../lib/lab/setup.ts';
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

  it('keeps the engine in the URL: WebAssembly by default, WebGPU when asked, the default for a wrong value', () => {
    expect(parseSetup({}).setup.engine).toBe('wasm');
    const gpu = parseSetup({ engine: 'webgpu' });
    expect(gpu.setup.engine).toBe('webgpu');
    expect(setupQuery(gpu.setup)).toBe('engine=webgpu');
    const wrong = parseSetup({ engine: 'cuda' });
    expect(wrong.setup.engine).toBe('wasm');
    expect(wrong.errors[0]).toContain('engine');
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

describe('the training lab on images', () => {
  const shapes = setupSchema.parse({
    dataset: 'shapes',
    points: 500,
    classes: 5,
    hidden: '32',
    batchSize: 50,
    learningRate: 0.005,
  });

  it('draws the shapes from the seed: balanced classes, 16x16 images, split as asked', () => {
    const a = makeDataset(shapes);
    expect(a.shape).toEqual([1, IMAGE_SIZE, IMAGE_SIZE]);
    expect(a.labels).toEqual(['circle', 'square', 'triangle', 'cross', 'bar']);
    expect(a.train.y.length).toBe(400);
    expect(a.validation.y.length).toBe(100);
    expect(a.train.x.length).toBe(400 * IMAGE_SIZE * IMAGE_SIZE);
    expect(a.validation.x.length).toBe(100 * IMAGE_SIZE * IMAGE_SIZE);
    const counts = new Array(5).fill(0);
    for (const y of [...a.train.y, ...a.validation.y]) counts[y] += 1;
    expect(counts).toEqual([100, 100, 100, 100, 100]);
    // every image has a shape on it: some pixels well above the noise
    for (let i = 0; i < 20; i++) {
      const image = a.train.x.subarray(i * 256, (i + 1) * 256);
      expect(Math.max(...image)).toBeGreaterThan(0.5);
    }
    expect(makeDataset(shapes).train.x).toEqual(a.train.x);
    expect(makeDataset({ ...shapes, seed: 2 }).train.x).not.toEqual(a.train.x);
    expect(makeDataset({ ...shapes, classes: 3 }).labels).toEqual(['circle', 'square', 'triangle']);
  });

  it('keeps an image set-up in the URL', () => {
    const { setup, errors } = parseSetup({ dataset: 'shapes', filters: '4', conv: 'naive' });
    expect(errors).toEqual([]);
    expect(setupQuery(setup)).toBe('dataset=shapes&filters=4&conv=naive');
    expect(parseSetup({ filters: '99' }).errors[0]).toContain('filters');
    expect(blocksOf(setup)).toEqual(['conv-naive', 'relu', 'maxpool', 'affine', 'softmax', 'adam']);
    expect(blocksOf({ ...setup, conv: 'fast', hidden: '' })[0]).toBe('conv-fast');
  });

  it('lines a pinned run up with the current one, and names what differs between their set-ups', () => {
    const a = [
      { step: 0, loss: 1.1 },
      { step: 10, loss: 0.5 },
      { step: 20, loss: 0.3 },
    ];
    const b = [
      { step: 0, loss: 1.2 },
      { step: 15, loss: 0.9 },
    ];
    expect(alignRuns([a, b], (r) => r.loss)).toEqual({
      steps: [0, 10, 15, 20],
      values: [
        [1.1, 0.5, null, 0.3],
        [1.2, null, 0.9, null],
      ],
    });
    const sgd = parseSetup({ optimizer: 'sgd', learningRate: '0.1' }).setup;
    const adam = parseSetup({}).setup;
    expect(setupDifferences(sgd, adam)).toEqual([
      { field: 'optimizer', pinned: 'sgd', current: 'adam' },
      { field: 'learningRate', pinned: '0.1', current: '0.01' },
    ]);
    expect(setupDifferences(adam, adam)).toEqual([]);
  });

  it('starts the image set from its own defaults, and keeps what the learner changed', () => {
    const shapes = parseSetup({ dataset: 'shapes' }).setup;
    expect([shapes.points, shapes.hidden]).toEqual([2000, '64']);
    expect(setupQuery(shapes)).toBe('dataset=shapes');
    // a link that sets them keeps them, also when they are the 2-D sets' defaults
    const mine = parseSetup({ dataset: 'shapes', points: '600', hidden: '100,100' }).setup;
    expect(setupQuery(mine)).toBe('dataset=shapes&points=600&hidden=100%2C100');
    expect(parseSetup({ dataset: 'shapes', epochs: 'many' }).setup.points).toBe(2000);
    // switching: values at the old dataset's default follow, changed ones stay
    const spiral = parseSetup({ batchSize: '32' }).setup;
    const switched = withDataset(spiral, 'shapes');
    expect([switched.points, switched.hidden, switched.batchSize]).toEqual([2000, '64', 32]);
    expect(withDataset({ ...spiral, points: 900 }, 'shapes').points).toBe(900);
    expect(withDataset(switched, 'moons')).toEqual({ ...spiral, dataset: 'moons' });
  });

  it("trains a small CNN made of the learner's blocks: the loss falls within a few dozen steps", () => {
    const data = makeDataset(shapes);
    const run = (steps: number) => {
      const trainer = new Trainer(shapes, data, referenceModules());
      const losses = Array.from({ length: steps }, () => trainer.trainStep().loss);
      return { trainer, losses };
    };
    const { trainer, losses } = run(40);
    expect(losses[0]).toBeGreaterThan(1.2); // near log 5 at the start
    expect(losses[0]).toBeLessThan(2.2);
    const late = losses.slice(-5).reduce((a, b) => a + b, 0) / 5;
    expect(late).toBeLessThan(0.6 * (losses[0] as number));
    expect(trainer.accuracy(data.validation)).toBeGreaterThan(0.5);
    // the filters and their optimizer state outlive the step: none may stay in the step arena
    const conv = trainer.conv;
    expect(conv).not.toBeNull();
    expect(conv?.w.shape).toEqual([8, 1, 3, 3]);
    for (const kept of [conv?.w, conv?.b, ...Object.values(conv?.wConfig ?? {})])
      if (kept && typeof kept === 'object' && 'data' in kept)
        expect(inStepArena((kept as NDArray).data)).toBe(false);
    expect(trainer.layers[0]?.w.shape).toEqual([8 * 8 * 8, 32]);
    expect(trainer.trainStep().gradNorms).toHaveLength(3);
    expect(run(5).losses).toEqual(losses.slice(0, 5));
  }, 30_000);

  it('names a missing or broken convolution, and checks the conv and pool blocks', () => {
    const data = makeDataset({ ...shapes, points: 100 });
    const modules = referenceModules();
    let error: unknown;
    try {
      new Trainer(shapes, data, { ...modules, 'conv-fast': {} });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BlockError);
    expect((error as BlockError).block).toBe('Convolution');
    expect((error as Error).message).toBe('your conv-fast code has no function convForwardFast');
    const conv = modules['conv-fast'] as Record<string, (...args: unknown[]) => { out: NDArray }>;
    const broken = {
      ...modules,
      'conv-fast': {
        ...conv,
        convForwardFast: (...args: unknown[]) => {
          const made = conv.convForwardFast?.(...args) as { out: NDArray };
          return { ...made, out: made.out.multiply(Number.POSITIVE_INFINITY) };
        },
      },
    };
    expect(() => new Trainer(shapes, data, broken).trainStep()).toThrow(
      'the first non-finite value came from layer 1 (Convolution) forward',
    );
    const checks = checkBlocks({ ...shapes, conv: 'naive' }, modules);
    expect(checks.map((c) => c.block)).toEqual([
      'Convolution',
      'ReLU',
      'Max pooling',
      'Affine layer',
      'Softmax loss',
      'Adam',
    ]);
    expect(
      checks.every((c) => c.ok),
      JSON.stringify(checks),
    ).toBe(true);
    const fast = checkBlocks(shapes, modules)[0];
    expect(fast?.ok, fast?.message).toBe(true);
  });
});

describe('lab presets (content/lab-presets)', () => {
  it('every preset resolves to a valid set-up, and the lectures link only presets that exist', async () => {
    const presets = labPresets();
    expect(presets.map((p) => p.slug)).toEqual(
      expect.arrayContaining(['batchnorm-deep-net', 'overfitting-dropout', 'sgd-vs-adam']),
    );
    const sgd = presets.find((p) => p.slug === 'sgd-vs-adam');
    expect([sgd?.setup.optimizer, sgd?.setup.learningRate, sgd?.setup.batchSize]).toEqual(['sgd', 0.1, 100]);
    expect(sgd?.fixed).toContain('dataset');
    for (const lecture of listLectures()) {
      const source = fs.readFileSync(path.join(contentRoot(), 'lectures', `${lecture.slug}.mdx`), 'utf8');
      expect(await brokenLectureLinks(source), lecture.slug).toEqual([]);
    }
    expect(await brokenLectureLinks('see [the lab](/lab?preset=nothing-here)')).toEqual([
      {
        line: 1,
        message: 'links to /lab?preset=nothing-here, but there is no content/lab-presets/nothing-here.md',
      },
    ]);
  });

  it('the presets teach what their text says: batch normalization rescues the deep sigmoid net, dropout narrows the gap', () => {
    const finalAccuracies = (slug: string, change: Partial<LabSetup>) => {
      const setup = { ...(labPreset(slug) as LabPresetView).setup, ...change };
      const data = makeDataset(setup);
      const trainer = new Trainer(setup, data, referenceModules());
      const steps = setup.epochs * Math.ceil(data.train.y.length / setup.batchSize);
      for (let i = 0; i < steps; i++) trainer.trainStep();
      return { train: trainer.accuracy(data.train), validation: trainer.accuracy(data.validation) };
    };
    expect(finalAccuracies('batchnorm-deep-net', {}).train).toBeLessThan(0.5); // stuck near chance (1/3)
    expect(finalAccuracies('batchnorm-deep-net', { batchnorm: 'on' }).train).toBeGreaterThan(0.9);
    const overfit = finalAccuracies('overfitting-dropout', {});
    const dropout = finalAccuracies('overfitting-dropout', { dropout: 0.5 });
    expect(overfit.train).toBeGreaterThan(0.98);
    expect(overfit.train - overfit.validation).toBeGreaterThan(0.15);
    expect(dropout.train - dropout.validation).toBeLessThan((overfit.train - overfit.validation) / 2);
  }, 120_000);

  it('names the file and the field of a preset the lab cannot use', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-presets-'));
    const before = process.env.GRADLAB_CONTENT_DIR;
    try {
      fs.mkdirSync(path.join(dir, 'lab-presets'));
      fs.writeFileSync(
        path.join(dir, 'lab-presets', 'broken.md'),
        '---\ntitle: Broken\nsetup:\n  optimizer: sgd\n  learningRate: 50\n  widths: 3\nfixed: [optimizer, colour]\n---\nText.\n',
      );
      fs.writeFileSync(path.join(dir, 'lab-presets', 'yaml.md'), '---\ntitle: [unclosed\n---\n');
      process.env.GRADLAB_CONTENT_DIR = dir;
      expect(() => labPreset('broken')).toThrow(
        /broken\.md:1: setup\.widths: not a lab setting .*; fixed: "colour" is not a lab setting; setup\.learningRate: /,
      );
      expect(() => labPreset('yaml')).toThrow(/yaml\.md:1: frontmatter is not valid YAML/);
      expect(labPreset('absent')).toBeNull();
      expect(labPreset('../../etc/passwd')).toBeNull();
    } finally {
      if (before === undefined) delete process.env.GRADLAB_CONTENT_DIR;
      else process.env.GRADLAB_CONTENT_DIR = before;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a preset link: the preset fills what the address leaves out', () => {
    const base = parseSetup({ optimizer: 'sgd', learningRate: '0.1' }).setup;
    const { setup } = parseSetup({ epochs: '5' }, base);
    expect([setup.optimizer, setup.learningRate, setup.epochs]).toEqual(['sgd', 0.1, 5]);
    expect(setupQuery({ ...setup, optimizer: 'adam' }, base)).toBe('optimizer=adam&epochs=5');
  });
});
