import fs from 'node:fs';
import { expect, test } from '../fixtures/page-guard.ts';
import { demo, exerciseFile, signIn, signUpByApi, submitAndWait } from '../fixtures/site.ts';

test.describe('instructors', () => {
  test('see a student\u2019s submission, the statistics, and download the gradebook', async ({
    page,
    guard,
    browser,
    baseURL,
  }) => {
    void guard;
    test.setTimeout(60_000);
    const student = await browser.newContext();
    const { email } = await signUpByApi(student.request, baseURL ?? '', 'Grace Student');
    const solution = exerciseFile('affine-layer', 'solution.ts');
    const good = await submitAndWait(student.request, solution);
    expect(good.score).toBe(10);
    const wrong = await submitAndWait(student.request, solution.replace('.add(b)', ''));
    expect(wrong.score).toBeLessThan(10);
    await student.close();

    await signIn(page, demo.instructor);
    await page.getByRole('link', { name: 'Instructor' }).click();
    await page.getByRole('link', { name: 'All submissions and statistics' }).click();
    await page.getByLabel('Student (name or email)').fill(email);
    await page.getByRole('button', { name: 'Filter' }).click();
    const table = page.getByTestId('submissions-table');
    await expect(table.locator('tbody tr')).toHaveCount(2);
    await expect(page.getByTestId('hint-stats')).toContainText('out looks like x @ w without the bias');
    await expect(page.getByTestId('test-stats')).toContainText('batch of one');

    // Any submission's code and full result, hidden tests by name.
    await table.locator('tbody tr').last().getByRole('link').click();
    await expect(page.getByTestId('submission-status')).toHaveText('graded');
    await expect(page.getByTestId('instructor-result')).toContainText('batch of one');
    await expect(page.getByTestId('instructor-result').getByTestId('score')).toHaveText('10');

    // The gradebook, as a CSV download.
    await page.goto('/instructor/gradebook');
    await expect(page.getByTestId('gradebook')).toContainText(email);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gradlab-gradebook-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    // UTF-8 with a byte order mark (spreadsheets then read non-ASCII names right), exercise
    // titles, and the maximum points under them.
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFname,email,The affine layer,total');
    expect(csv.split('\r\n')[1]).toBe('max points,,10,10');
    expect(csv).toContain(`Grace Student,${email},10,10\r\n`);
    const response = await page.request.get('/api/instructor/gradebook');
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="/);
  });

  test('preview an exercise with its solution and cases, and grade the reference live', async ({
    page,
    guard,
  }) => {
    void guard;
    test.setTimeout(60_000);
    await signIn(page, demo.instructor);
    await page.goto('/instructor/exercises/affine-layer');
    await expect(page.getByTestId('cases')).toContainText('large and small magnitudes');
    await expect(page.getByText('solution.ts (reference solution')).toBeVisible();
    await expect(page.getByText('db looks like a mean over the batch').first()).toBeVisible();
    await page.getByRole('button', { name: 'Grade the reference solution' }).click();
    const result = page.getByTestId('reference-result');
    await expect(result.getByTestId('score')).toHaveText('10', { timeout: 30_000 });
    await expect(result.locator('li.failed')).toHaveCount(0);
  });
});
