import { expect, test } from '../fixtures/page-guard.ts';
import { exerciseFile, replaceCode, signUp, signUpByApi } from '../fixtures/site.ts';

test.describe('a student solves the affine layer', () => {
  test('run the starter, fix it, run, submit, and find it in the history', async ({ page, guard }) => {
    void guard;
    test.setTimeout(90_000);
    await signUp(page);
    await page.goto('/exercises/affine-layer');
    await expect(page.getByRole('heading', { level: 1, name: 'The affine layer' })).toBeVisible();
    // The statement is rendered with KaTeX on the server.
    await expect(page.getByLabel('Statement').locator('.katex').first()).toBeVisible();
    const run = page.getByRole('button', { name: 'Run', exact: true });
    await expect(run).toBeEnabled({ timeout: 20_000 });

    // The starter fails the public tests, with messages.
    await run.click();
    const runResult = page.getByTestId('run-result');
    await expect(runResult).toBeVisible({ timeout: 10_000 });
    await expect(runResult.locator('li.failed').first()).toBeVisible();
    await expect(runResult.locator('li.failed pre').first()).not.toBeEmpty();

    // A correct solution passes every public test.
    await replaceCode(page, exerciseFile('affine-layer', 'solution.ts'));
    const started = Date.now();
    await run.click();
    await expect(runResult.locator('li.passed').first()).toBeVisible({ timeout: 10_000 });
    await expect(runResult.locator('li.failed')).toHaveCount(0);
    console.log(`Run: results in ${Date.now() - started} ms`);

    // Submit: queued -> graded with the full score, every test listed.
    const submitted = Date.now();
    await page.getByRole('button', { name: 'Submit' }).click();
    const submitResult = page.getByTestId('submit-result');
    await expect(submitResult).toBeVisible({ timeout: 30_000 });
    console.log(`Submit: graded result shown ${Date.now() - submitted} ms after the click`);
    await expect(submitResult.getByTestId('score')).toHaveText('10');
    await expect(submitResult.locator('li.failed')).toHaveCount(0);
    await expect(submitResult.getByText(/hidden test 1/)).toBeVisible();

    // The history lists it and its own page shows the result and the code.
    const history = page.getByTestId('history');
    await expect(history.getByRole('link').first()).toContainText('graded, 10 / 10');
    await history.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/submissions\/[a-z0-9]+$/);
    await expect(page.getByTestId('submission-result').getByTestId('score')).toHaveText('10');
    await expect(page.getByTestId('submission-code')).toContainText('affineBackward');

    // The course home shows the best score.
    await page.goto('/');
    await expect(
      page.getByRole('listitem').filter({ hasText: 'Exercise: The affine layer' }).last(),
    ).toContainText('best 10 / 10');
    await expect(page.getByTestId('course-progress')).toContainText('10');

    // The draft was saved on the server: the exercise page opens with the solution.
    await page.goto('/exercises/affine-layer');
    await expect(page.getByTestId('editor')).toContainText('matmul', { timeout: 15_000 });

    // "Reset to starter" asks first, then brings the starter back (and saves it as the draft).
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Reset to starter' }).click();
    await expect(page.getByTestId('editor')).toContainText('TODO: flatten');
    await expect(page.getByTestId('draft-status')).toHaveText('Draft saved');
    await page.reload();
    await expect(page.getByTestId('editor')).toContainText('TODO: flatten', { timeout: 15_000 });
  });
});

test.describe('a submit whose answer is lost is not stored twice', () => {
  test('the browser tries again with the same Idempotency-Key and gets the one submission', async ({
    page,
  }) => {
    // no page guard: the first answer is dropped on purpose (a failed request in the console)
    test.setTimeout(90_000);
    await signUp(page);
    await page.goto('/exercises/affine-layer');
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({ timeout: 20_000 });
    const keys: string[] = [];
    await page.route('**/api/submissions', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length > 1) return route.continue();
      await route.fetch(); // the server stores the submission ...
      await route.abort('connectionreset'); // ... and its answer never reaches the browser
    });
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(page.getByTestId('submit-result')).toBeVisible({ timeout: 30_000 });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    const listed = await (await page.request.get('/api/submissions?exerciseId=affine-layer')).json();
    expect(listed.submissions).toHaveLength(1);
    await expect(page.getByTestId('history').getByRole('link')).toHaveCount(1);
  });

  test('the API answers a repeated key with the first submission, and refuses it for other code', async ({
    request,
    baseURL,
  }) => {
    await signUpByApi(request, baseURL ?? '');
    const post = (code: string, key: string) =>
      request.post('/api/submissions', {
        data: { exerciseId: 'affine-layer', code },
        headers: { 'idempotency-key': key },
      });
    const first = await post('export const a = 1;', 'retry-key-0001');
    expect(first.status()).toBe(202);
    const again = await post('export const a = 1;', 'retry-key-0001');
    expect(again.status()).toBe(200);
    expect(again.headers()['idempotent-replayed']).toBe('true');
    expect((await again.json()).id).toBe((await first.json()).id);

    const other = await post('export const a = 2;', 'retry-key-0001');
    expect(other.status()).toBe(422);
    expect((await other.json()).error).toMatch(/Idempotency-Key "retry-key-0001" was already used/);
    const bad = await post('export const a = 3;', 'x');
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toMatch(/Idempotency-Key header/);

    // two tries at once: both get the one submission
    const both = await Promise.all([
      post('export const b = 1;', 'retry-key-0002'),
      post('export const b = 1;', 'retry-key-0002'),
    ]);
    expect(both.map((r) => r.status()).sort()).toEqual([200, 202]);
    const ids = await Promise.all(both.map(async (r) => (await r.json()).id));
    expect(ids[0]).toBe(ids[1]);
    const listed = await (await request.get('/api/submissions?exerciseId=affine-layer')).json();
    expect(listed.submissions).toHaveLength(2);
  });
});
