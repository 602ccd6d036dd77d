import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/page-guard.ts';
import { exerciseFile, signUp, submitAndWait } from '../fixtures/site.ts';

const json = (data: unknown) => ({ data, headers: { 'content-type': 'application/json' } });

/** Passes the exercises of an MLP's blocks (affine, ReLU, softmax loss, the optimizers) with their references. */
async function passMlpExercises(page: Page): Promise<void> {
  for (const exercise of ['affine-layer', 'relu-layer', 'softmax-loss', 'optimizers']) {
    const graded = await submitAndWait(page.request, exerciseFile(exercise, 'solution.ts'), exercise);
    expect(graded.score, exercise).toBe(graded.maxScore);
  }
}

/**
 * The training lab runs the learner's own code: a student who passed the blocks' exercises
 * trains a network made of them in the browser and watches it learn; a broken draft is
 * diagnosed with its block named; a student who has not passed sees the blocks locked.
 */
test.describe('the training lab', () => {
  test('a student with passing layers trains an MLP on the spiral to 95% within 30 s; the page answers while it trains', async ({
    page,
    guard,
  }) => {
    void guard;
    test.setTimeout(240_000);
    await signUp(page, 'Lab Student');
    await passMlpExercises(page);
    // the default set-up: 600 spiral points in 3 arms, 2-100-100-3, ReLU, softmax, Adam, batch 100
    await page.goto('/lab?epochs=40');
    await page.waitForLoadState('networkidle');
    const blocks = page.getByTestId('lab-blocks');
    await expect(blocks).toContainText('Affine layer: your code from affine-layer');
    await expect(blocks).toContainText('Adam: your code from optimizers');

    // the gradient self-check of each block, before training
    await page.getByRole('button', { name: 'Check my layers' }).click();
    const checks = page.getByTestId('lab-checks');
    await expect(checks).toContainText('✓ Affine layer: backward matches centred differences');
    await expect(checks).toContainText('✓ Adam: 50 steps on the bowl');
    await expect(checks.locator('.error-text')).toHaveCount(0);

    // one step, then the whole run; Pause answers while it trains
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('lab-status')).toContainText('step 1 of 200');
    const boundary = page.getByTestId('decision-boundary');
    const before = await boundary.evaluate((c: HTMLCanvasElement) => c.toDataURL());
    await page.getByRole('button', { name: 'Start' }).click();
    // at least 95% of the training points right within 30 seconds of Start
    const trainAccuracy = async () =>
      Number(
        /train accuracy (\d+)%/.exec((await page.getByTestId('lab-metrics').textContent()) ?? '')?.[1] ?? 0,
      );
    await expect.poll(trainAccuracy, { timeout: 30_000, intervals: [250] }).toBeGreaterThanOrEqual(95);
    // the page answers while it trains: Pause stops it (the chunk in flight still reports)
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByTestId('lab-status')).toContainText('paused');
    await page.waitForTimeout(500);
    const paused = await page.getByTestId('lab-status').textContent();
    await page.waitForTimeout(700);
    await expect(page.getByTestId('lab-status')).toHaveText(paused ?? '');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByTestId('lab-status')).toContainText('done · step 200 of 200', { timeout: 90_000 });
    expect(await trainAccuracy()).toBeGreaterThanOrEqual(95);
    await expect(page.getByTestId('loss-chart').locator('canvas')).toBeVisible();
    expect(await boundary.evaluate((c: HTMLCanvasElement) => c.toDataURL())).not.toBe(before);

    // a changed setting goes into the address and starts a new run
    await page.getByLabel('Optimizer').selectOption('sgd');
    await expect(page).toHaveURL(/optimizer=sgd/);
    await expect(blocks).toContainText('SGD: your code from optimizers');
    await expect(page.getByTestId('lab-status')).toContainText('idle');

    // a draft whose ReLU makes NaN: the run stops and names the block
    const nan = `export function reluForward(x: NDArray) {
  return { out: x.multiply(Number.NaN), cache: { x } };
}
export function reluBackward(dout: NDArray, cache: { x: NDArray }) {
  return { dx: dout.multiply(cache.x.greater(0)) };
}`;
    expect((await page.request.put('/api/exercises/relu-layer/draft', json({ code: nan }))).ok()).toBe(true);
    await page.goto('/lab?code=draft&epochs=5');
    await page.waitForLoadState('networkidle');
    await expect(blocks).toContainText('ReLU: your draft of relu-layer');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByTestId('lab-error')).toContainText(
      'the first non-finite value came from layer 1 (ReLU) forward',
    );
  });

  test('the WebGPU engine trains the same seeded run as WebAssembly, to the same losses within float32 accuracy', async ({
    page,
    guard,
  }) => {
    void guard;
    test.setTimeout(240_000);
    await signUp(page, 'GPU Student');
    await passMlpExercises(page);
    const metrics = page.getByTestId('lab-metrics');
    const status = page.getByTestId('lab-status');
    /** the losses of the first `steps` steps, one Step at a time (a record per step, whatever the speed) */
    const lossesOf = async (engine: 'wasm' | 'webgpu', steps: number) => {
      await page.goto(`/lab?epochs=10&engine=${engine}`);
      await page.waitForLoadState('networkidle');
      await expect(page.getByTestId('lab-engine')).toContainText(
        engine === 'webgpu' ? 'Engine: WebGPU' : 'Engine: WebAssembly',
        { timeout: 30_000 },
      );
      const losses: number[] = [];
      for (let step = 1; step <= steps; step++) {
        await page.getByRole('button', { name: 'Step' }).click();
        await expect(status).toContainText(`step ${step} of 50`);
        losses.push(Number(/^loss (\S+)/.exec((await metrics.textContent()) ?? '')?.[1]));
      }
      return losses;
    };
    const wasm = await lossesOf('wasm', 8);
    const gpu = await lossesOf('webgpu', 8);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expect(page.getByTestId('lab-engine-fallback')).toHaveCount(0);
    await expect(status).toContainText('on WebGPU');
    // float32 products on the GPU against float64 on WASM: the losses (shown to 4 decimals) agree
    // within 2e-3 after 8 Adam steps; the run really learns (the loss falls)
    for (let i = 0; i < wasm.length; i++)
      expect(Math.abs((gpu[i] ?? 0) - (wasm[i] ?? 0)), `step ${i + 1}`).toBeLessThanOrEqual(2e-3);
    expect(gpu[7]).toBeLessThan((gpu[0] ?? 0) - 0.05);

    // the gradient checks run in float64 on the CPU whatever the engine
    await page.getByRole('button', { name: 'Check my layers' }).click();
    const checks = page.getByTestId('lab-checks');
    await expect(checks).toContainText('✓ Affine layer: backward matches centred differences');
    await expect(checks.locator('.error-text')).toHaveCount(0);

    // the rest of the run on WebGPU: accuracy rises
    const trainAccuracy = async () =>
      Number(/train accuracy (\d+)%/.exec((await metrics.textContent()) ?? '')?.[1] ?? 0);
    const early = await trainAccuracy();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(status).toContainText('done · step 50 of 50', { timeout: 120_000 });
    await expect(status).toContainText('on WebGPU');
    expect(await trainAccuracy()).toBeGreaterThan(early + 10);
  });

  test('reached by a link inside the site, the lab loads itself afresh when WebGPU is chosen, to get isolated', async ({
    page,
    guard,
  }) => {
    void guard;
    await signUp(page, 'Link Student');
    await page.goto('/');
    await page.getByRole('link', { name: 'Lab', exact: true }).click();
    await page.waitForURL(/\/lab$/);
    // a client-side navigation keeps the first page's headers: not isolated yet
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await page.getByLabel('Engine').selectOption('webgpu');
    await page.waitForURL(/engine=webgpu/);
    await expect.poll(() => page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expect(page.getByLabel('Engine')).toHaveValue('webgpu');
  });

  test('WebGPU asked for where the page cannot use it: the lab says why and trains on WebAssembly', async ({
    page,
    guard,
  }) => {
    void guard;
    test.setTimeout(120_000);
    await signUp(page, 'No GPU Student');
    await passMlpExercises(page);
    // a browser without WebGPU, simulated: navigator.gpu removed before the page's scripts run
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined });
    });
    await page.goto('/lab?engine=webgpu&epochs=1');
    await page.waitForLoadState('networkidle');
    const fallback = page.getByTestId('lab-engine-fallback');
    await expect(fallback).toContainText('You asked for WebGPU, but this browser has no WebGPU');
    await expect(fallback).toContainText('Training on WebAssembly instead');
    await expect(page.getByTestId('lab-engine')).toContainText('Engine: WebAssembly');
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('lab-status')).toContainText('step 1 of 5');
    await expect(page.getByTestId('lab-status')).toContainText('on WebAssembly');
  });

  test('images: the CNN blocks stay locked until their exercises pass, then a CNN of them learns the shapes', async ({
    page,
    guard,
  }) => {
    void guard;
    test.setTimeout(240_000);
    await signUp(page, 'Lab CNN Student');
    await passMlpExercises(page);
    // 1,000 images of 5 shapes; conv 8x3x3 -> ReLU -> max-pool -> 64 -> ReLU -> 5
    const url =
      '/lab?dataset=shapes&points=1000&classes=5&hidden=64&batchSize=50&learningRate=0.005&epochs=5';
    await page.goto(url);
    const blocks = page.getByTestId('lab-blocks');
    await expect(blocks.getByRole('link', { name: 'conv-fast' })).toHaveAttribute(
      'href',
      '/exercises/conv-fast',
    );
    await expect(blocks.getByRole('link', { name: 'max-pool' })).toHaveAttribute(
      'href',
      '/exercises/max-pool',
    );
    await expect(blocks).toContainText('Affine layer: your code from affine-layer');
    await expect(page.getByRole('button', { name: 'Start' })).toBeDisabled();
    await expect(page.getByTestId('lab-status')).toContainText('Locked');

    for (const exercise of ['conv-fast', 'max-pool']) {
      const graded = await submitAndWait(page.request, exerciseFile(exercise, 'solution.ts'), exercise);
      expect(graded.score, exercise).toBe(graded.maxScore);
    }
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await expect(blocks).toContainText('Convolution: your code from conv-fast');
    await expect(blocks).toContainText('Max pooling: your code from max-pool');
    await page.getByRole('button', { name: 'Check my layers' }).click();
    const checks = page.getByTestId('lab-checks');
    await expect(checks).toContainText('✓ Convolution: backward matches centred differences');
    await expect(checks).toContainText('✓ Max pooling: backward matches centred differences');
    await expect(checks.locator('.error-text')).toHaveCount(0);
    // images have no decision boundary to draw
    await expect(page.getByTestId('decision-boundary')).toHaveCount(0);

    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByTestId('lab-status')).toContainText('done · step 80 of 80', { timeout: 120_000 });
    const validationAccuracy = Number(
      /validation accuracy (\d+)%/.exec((await page.getByTestId('lab-metrics').textContent()) ?? '')?.[1] ??
        0,
    );
    expect(validationAccuracy).toBeGreaterThanOrEqual(70);
    // the confusion matrix: a row per shape, and its counts add up to the 200 validation images
    const matrix = page.getByTestId('confusion-matrix');
    await expect(matrix.locator('tbody tr')).toHaveCount(5);
    await expect(matrix.locator('tbody th')).toHaveText(['circle', 'square', 'triangle', 'cross', 'bar']);
    const counts = (await matrix.locator('tbody td').allTextContents()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(200);
    // the misclassified images, drawn, each with its true and predicted shape
    const wrong = page.getByTestId('misclassified');
    await expect(wrong).toBeVisible();
    const diagonal = [0, 6, 12, 18, 24].reduce((sum, k) => sum + (counts[k] ?? 0), 0);
    await expect(wrong.locator('canvas')).toHaveCount(Math.min(8, 200 - diagonal));
    expect(Math.abs(diagonal / 2 - validationAccuracy)).toBeLessThanOrEqual(0.5);
  });

  test('blocks whose exercises the student has not passed are locked, with a link to the exercise', async ({
    page,
    guard,
  }) => {
    void guard;
    await signUp(page, 'New Lab Student');
    await page.goto('/lab?learningRate=oops');
    await expect(page.getByTestId('setup-errors')).toContainText('learningRate');
    const blocks = page.getByTestId('lab-blocks');
    await expect(blocks.getByRole('link', { name: 'affine-layer' })).toHaveAttribute(
      'href',
      '/exercises/affine-layer',
    );
    await expect(page.getByRole('button', { name: 'Start' })).toBeDisabled();
    await expect(page.getByTestId('lab-status')).toContainText('Locked');
  });

  test('a lecture links an instructor preset: its fixed settings are not shown; two runs are compared on the same axes', async ({
    page,
    guard,
  }) => {
    void guard;
    test.setTimeout(180_000);
    await signUp(page, 'Preset Student');
    await passMlpExercises(page);
    await page.goto('/lectures/optimization');
    await page.getByRole('link', { name: 'SGD against Adam lab' }).click();
    await expect(page).toHaveURL(/\/lab\?preset=sgd-vs-adam$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Training lab: Plain SGD against Adam on the spiral',
    );
    await expect(page.getByTestId('preset-text')).toContainText('pin the run');
    await expect(page.getByLabel('Optimizer')).toHaveValue('sgd');
    await expect(page.getByLabel('Dataset')).toHaveCount(0);
    await expect(page.getByLabel('Hidden layers')).toHaveCount(0);
    await expect(page.getByTestId('preset-fixed')).toContainText('hidden 100,100');

    // a fixed setting cannot be changed through the address
    await page.goto('/lab?preset=sgd-vs-adam&dataset=moons&epochs=5');
    await page.waitForLoadState('networkidle');
    await expect(page.getByTestId('preset-fixed')).toContainText('dataset spiral');
    await page.getByRole('button', { name: 'Start' }).click();
    const status = page.getByTestId('lab-status');
    await expect(status).toContainText(/done · step (\d+) of \1/, { timeout: 60_000 });

    // pin the SGD run, switch to Adam: the address keeps the preset, the table names the change
    await page.getByRole('button', { name: 'Pin this run to compare' }).click();
    await page.getByLabel('Optimizer').selectOption('adam');
    await expect(page).toHaveURL(/preset=sgd-vs-adam&optimizer=adam&epochs=5$/);
    const compare = page.getByTestId('lab-compare');
    await expect(compare.getByRole('row', { name: /optimizer/ })).toContainText(/sgd\s*adam/);
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(status).toContainText(/done · step (\d+) of \1/, { timeout: 60_000 });
    await expect(compare.getByRole('row', { name: /^step/ })).toContainText(/(\d+)\s*\1/);
    // both runs' curves are on the loss chart: 2 series of this run, 2 dashed of the pinned one
    await expect(page.getByTestId('loss-chart').locator('.u-legend .u-series')).toHaveCount(5);

    await page.goto('/lab?preset=no-such-preset');
    await expect(page.getByTestId('preset-error')).toContainText('There is no lab preset "no-such-preset"');
  });
});
