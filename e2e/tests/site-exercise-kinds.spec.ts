import { expect, test } from '../fixtures/page-guard.ts';
import { exerciseFile, replaceCode, signUp } from '../fixtures/site.ts';

/**
 * One exercise per kind of interface, Run in the browser and Submit to the sandbox, with the
 * reference solution typed into the editor: a loss with int32 labels and a scalar result, update
 * rules whose state goes through several steps, and a class the learner writes. Each gets every
 * public test on Run and full marks on Submit. (The layer kind is site-exercise.spec.ts.)
 */
const kinds = [
  { id: 'softmax-loss', title: 'The softmax loss', points: '10' },
  { id: 'optimizers', title: 'Optimizers with state', points: '10' },
  { id: 'autograd-value', title: 'A scalar autograd engine', points: '10' },
];

test.describe('every kind of exercise interface works on the page', () => {
  for (const kind of kinds) {
    test(`${kind.id}: Run passes the public tests, Submit gets full marks`, async ({ page, guard }) => {
      void guard;
      test.setTimeout(90_000);
      await signUp(page);
      await page.goto(`/exercises/${kind.id}`);
      await expect(page.getByRole('heading', { level: 1, name: kind.title })).toBeVisible();
      const run = page.getByRole('button', { name: 'Run', exact: true });
      await expect(run).toBeEnabled({ timeout: 20_000 });

      // The starter fails a public test in the browser.
      await run.click();
      const runResult = page.getByTestId('run-result');
      await expect(runResult.locator('li.failed').first()).toBeVisible({ timeout: 15_000 });

      await replaceCode(page, exerciseFile(kind.id, 'solution.ts'));
      await run.click();
      await expect(runResult.locator('li.failed')).toHaveCount(0, { timeout: 15_000 });
      await expect(runResult.locator('li.passed').first()).toBeVisible();

      await page.getByRole('button', { name: 'Submit' }).click();
      const submitResult = page.getByTestId('submit-result');
      await expect(submitResult).toBeVisible({ timeout: 30_000 });
      await expect(submitResult.getByTestId('score')).toHaveText(kind.points);
      await expect(submitResult.locator('li.failed')).toHaveCount(0);
    });
  }
});
