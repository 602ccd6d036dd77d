import { expect, test } from '../fixtures/page-guard.ts';
import { exerciseFile, signUp, submitAndWait } from '../fixtures/site.ts';

/**
 * The training lab runs the learner's own code: a student who passed the blocks' exercises
 * trains a network made of them in the browser and watches it learn; a student who has not
 * sees the blocks locked, with links to the exercises.
 */
test.describe('the training lab', () => {
  test('a student with passing layers trains them on blobs; the set-up lives in the URL', async ({
    page,
    guard,
  }) => {
    void guard;
    test.setTimeout(180_000);
    await signUp(page, 'Lab Student');
    for (const exercise of ['affine-layer', 'relu-layer', 'softmax-loss', 'optimizers']) {
      const graded = await submitAndWait(page.request, exerciseFile(exercise, 'solution.ts'), exercise);
      expect(graded.score, exercise).toBe(graded.maxScore);
    }
    await page.goto('/lab?dataset=blobs&points=300&hidden=20&epochs=15&seed=7');
    await page.waitForLoadState('networkidle');
    const blocks = page.getByTestId('lab-blocks');
    await expect(blocks).toContainText('Affine layer: your code from affine-layer');
    await expect(blocks).toContainText('Adam: your code from optimizers');
    await expect(page.getByRole('button', { name: 'Start' })).toBeEnabled();

    // the gradient self-check of each block, before training
    await page.getByRole('button', { name: 'Check my layers' }).click();
    const checks = page.getByTestId('lab-checks');
    await expect(checks).toContainText('✓ Affine layer: backward matches centred differences');
    await expect(checks).toContainText('✓ Adam: 50 steps on the bowl');
    await expect(checks.locator('.error-text')).toHaveCount(0);

    // one step at a time first
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('lab-status')).toContainText('step 1 of 45');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByTestId('lab-status')).toContainText('done', { timeout: 60_000 });
    await expect(page.getByTestId('lab-status')).toContainText('step 45 of 45');
    const metrics = (await page.getByTestId('lab-metrics').textContent()) ?? '';
    const accuracy = Number(/validation accuracy (\d+)%/.exec(metrics)?.[1]);
    expect(accuracy, metrics).toBeGreaterThanOrEqual(85);
    await expect(page.getByTestId('loss-chart').locator('canvas')).toBeVisible();

    // a changed setting goes into the address and starts a new run
    await page.getByLabel('Optimizer').selectOption('sgd');
    await expect(page).toHaveURL(/optimizer=sgd/);
    await expect(blocks).toContainText('SGD: your code from optimizers');
    await expect(page.getByTestId('lab-status')).toContainText('idle');
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
});
