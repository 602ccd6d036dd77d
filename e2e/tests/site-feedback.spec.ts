import { expect, test } from '../fixtures/page-guard.ts';
import { exerciseFile, replaceCode, signUp } from '../fixtures/site.ts';

type MonacoWindow = {
  monaco: {
    editor: {
      getModels(): { uri: { toString(): string } }[];
      getModelMarkers(filter: { resource?: unknown }): { message: string; severity: number }[];
    };
  };
};

test.describe('feedback on the exercise page', () => {
  test('a known mistake gets its hint when submitted', async ({ page, guard }) => {
    void guard;
    test.setTimeout(60_000);
    await signUp(page);
    await page.goto('/exercises/affine-layer');
    const solution = exerciseFile('affine-layer', 'solution.ts');
    const wrong = solution.replace('dout.sum({ axis: 0 })', 'dout.mean({ axis: 0 })');
    expect(wrong).not.toBe(solution);
    await replaceCode(page, wrong);
    await page.getByRole('button', { name: 'Submit' }).click();
    const result = page.getByTestId('submit-result');
    await expect(result).toBeVisible({ timeout: 30_000 });
    await expect(result.locator('li.failed').first()).toBeVisible();
    await expect(result).toContainText('Hint: db looks like a mean over the batch');
    expect(Number(await result.getByTestId('score').textContent())).toBeLessThan(10);
  });

  test('an endless loop in Run is stopped and the page stays usable', async ({ page, guard }) => {
    void guard;
    test.setTimeout(60_000);
    await signUp(page);
    await page.goto('/exercises/affine-layer');
    const solution = exerciseFile('affine-layer', 'solution.ts');
    await replaceCode(
      page,
      solution.replace('const n = x.shape[0] ?? 0;', 'while (true) {}\n  const n = x.shape[0] ?? 0;'),
    );
    const run = page.getByRole('button', { name: 'Run', exact: true });
    await run.click();
    // While the worker spins, the page still answers.
    await expect(page.getByRole('button', { name: 'Running…' })).toBeDisabled();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    const result = page.getByTestId('run-result');
    await expect(result).toContainText('Stopped after 3 s', { timeout: 8_000 });
    // The next run gets a fresh worker.
    await replaceCode(page, solution);
    await run.click();
    await expect(result.locator('li.passed').first()).toBeVisible({ timeout: 10_000 });
    await expect(result.locator('li.failed')).toHaveCount(0);
  });

  test('the editor knows np: unknown functions are flagged inline', async ({ page, guard }) => {
    void guard;
    test.setTimeout(60_000);
    await signUp(page);
    await page.goto('/exercises/affine-layer');
    await replaceCode(
      page,
      'export const a: NDArray = np.zeros([2, 3]);\nexport const b = np.zerosLik(a);\n',
    );
    const markers = async () =>
      page.evaluate(() => {
        const { monaco } = window as unknown as MonacoWindow;
        return monaco.editor.getModelMarkers({}).map((m) => m.message);
      });
    await expect
      .poll(markers, { timeout: 15_000 })
      .toEqual([expect.stringMatching(/Property 'zerosLik' does not exist .*Did you mean 'zerosLike'\?/)]);
    await expect(page.locator('.squiggly-error').first()).toBeVisible();
  });
});
