import fs from 'node:fs';
import { demoClass } from '@gradlab/prisma';
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
    const joined = await student.request.post('/api/classes/join', { data: { code: demoClass.joinCode } });
    expect(joined.status()).toBe(201);
    const solution = exerciseFile('affine-layer', 'solution.ts');
    const good = await submitAndWait(student.request, solution);
    expect(good.score).toBe(10);
    const wrong = await submitAndWait(student.request, solution.replace('.add(b)', ''));
    expect(wrong.score).toBeLessThan(10);
    await student.close();

    await signIn(page, demo.instructor);
    await page.getByRole('link', { name: 'Instructor' }).click();
    // where grading stands: nothing waiting now; with the queue, the worker beside the site is live
    const status = page.getByTestId('grading-status');
    await expect(status).toContainText('0 submission(s) waiting, 0 being graded');
    await expect(status).toContainText(
      process.env.E2E_GRADING === 'queue'
        ? /1 worker\(s\) live/
        : /graded in this server by 2 grading process/,
    );
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

    // The gradebook of the current class (the demo class, which Grace joined), as a CSV download.
    await page.goto('/instructor/gradebook');
    await expect(page).toHaveURL(/\/classes\/[^/]+\/gradebook$/);
    await expect(page.getByTestId('gradebook')).toContainText(email);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gradlab-demo-class-gradebook-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    // UTF-8 with a byte order mark (spreadsheets then read non-ASCII names right), exercise
    // titles, and the maximum points under them.
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header = '', maxRow = '', ...rows] = csv.slice(1).split('\r\n');
    const columns = csvCells(header);
    expect(columns.slice(0, 2)).toEqual(['name', 'email']);
    expect(columns.at(-1)).toBe('total');
    const affine = columns.indexOf('The affine layer');
    expect(affine).toBeGreaterThan(1);
    const max = csvCells(maxRow);
    expect(max[0]).toBe('max points');
    expect(max[affine]).toBe('10');
    expect(Number(max.at(-1))).toBe(max.slice(2, -1).reduce((sum, v) => sum + Number(v), 0));
    const grace = csvCells(rows.find((r) => r.startsWith(`Grace Student,${email},`)) ?? '');
    expect(grace[affine]).toBe('10');
    expect(grace.at(-1)).toBe('10');
  });

  test('preview an exercise with its solution and cases, and grade the reference live', async ({
    page,
    guard,
  }) => {
    void guard;
    test.setTimeout(120_000);
    await signIn(page, demo.instructor);
    await page.goto('/instructor/exercises/affine-layer');
    // gradlab check runs by itself when the page opens: the same report as the command
    const check = page.getByTestId('check-report');
    await expect(check.getByTestId('check-verdict')).toContainText('ok: the folder passes gradlab check', {
      timeout: 60_000,
    });
    await expect(check.getByTestId('check-verdict')).toContainText('reference 10/10');
    await expect(check.getByTestId('check-mistakes').locator('tbody tr')).toHaveCount(5);
    await expect(check.getByTestId('check-mistakes')).not.toContainText('never shown');
    await expect(page.getByTestId('cases')).toContainText('large and small magnitudes');
    await expect(page.getByText('solution.ts (reference solution')).toBeVisible();
    await expect(page.getByText('db looks like a mean over the batch').first()).toBeVisible();
    await page.getByRole('button', { name: 'Grade the reference solution' }).click();
    const result = page.getByTestId('reference-result');
    await expect(result.getByTestId('score')).toHaveText('10', { timeout: 30_000 });
    await expect(result.locator('li.failed')).toHaveCount(0);
  });
});

/** The cells of one CSV line, with RFC 4180 quoting (a quoted cell may hold commas). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
