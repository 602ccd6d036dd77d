import { demoClass } from '@gradlab/prisma';
import { expect, test as plainTest } from '@playwright/test';
import { test } from '../fixtures/page-guard.ts';
import {
  demo,
  editorText,
  exerciseFile,
  replaceCode,
  signIn,
  signUp,
  signUpByApi,
  submitAndWait,
} from '../fixtures/site.ts';

/** Issue 14, "first use": what a person sees. */

const starter = exerciseFile('affine-layer', 'starter.ts');
const solution = exerciseFile('affine-layer', 'solution.ts');
const lectureOfAffine = /^lecture: (.+)$/m.exec(exerciseFile('affine-layer', 'exercise.mdx'))?.[1] ?? '';

test('the do-nothing starter does not show a green pass, nor count the diagnostic (item 9)', async ({
  page,
  guard,
}) => {
  void guard;
  test.setTimeout(60_000);
  await signUp(page);
  const submission = await submitAndWait(page.request, starter);
  await page.goto('/exercises/affine-layer');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const run = page.getByTestId('run-result');
  await expect(run).toBeVisible({ timeout: 15_000 });
  const check = run.locator('li').filter({ hasText: 'your backward agrees with your forward' });
  await expect(check).toHaveCount(1);
  await expect(check).not.toHaveClass(/passed/);
  await expect(check).not.toContainText('Passed');
  await expect(run.locator('li.passed')).toHaveCount(0);
  await expect(run.getByTestId('result-summary')).toContainText('0 of 2 graded tests passed');

  await page.goto(`/submissions/${submission.id}`);
  const result = page.getByTestId('submission-result');
  await expect(result.getByTestId('result-summary')).toContainText('0 of 5 graded tests passed');
  await expect(result.locator('li.passed')).toHaveCount(0);
});

test.describe('the editor and drafts', () => {
  test('Escape, then Tab leaves the editor; Tab alone still indents (item 10)', async ({ page, guard }) => {
    void guard;
    test.setTimeout(60_000);
    await signUp(page);
    await page.goto('/exercises/affine-layer');
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({ timeout: 20_000 });
    await replaceCode(page, 'const a = 1;\n');
    await page.keyboard.press('Tab');
    expect(await editorText(page)).toContain('\n  ');
    const before = await editorText(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeFocused();
    expect(await editorText(page)).toBe(before);
    // and back in: Shift+Tab after Escape goes to what comes before the editor
    await page.getByTestId('editor').locator('.view-lines').click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.monaco-editor')))).toBe(false);
  });

  test('code typed just before Sign out is kept (item 11)', async ({ page, guard }) => {
    void guard;
    test.setTimeout(60_000);
    const email = await signUp(page, 'Quick Leaver');
    await page.goto('/exercises/affine-layer');
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({ timeout: 20_000 });
    // What reaches the server, in order: the draft must be saved before the session ends.
    const events: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/auth/sign-out')) events.push('sign-out');
    });
    page.on('response', async (r) => {
      if (r.request().method() === 'PUT' && r.url().endsWith('/draft')) {
        const marked = (r.request().postData() ?? '').includes('typed right before signing out');
        events.push(`draft ${r.status()}${marked ? ' marked' : ''}`);
      }
    });
    await replaceCode(page, `${starter}\n// typed right before signing out\n`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }),
    ).toBeVisible();
    expect(events.indexOf('draft 200 marked'), events.join(', ')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('draft 200 marked'), events.join(', ')).toBeLessThan(events.indexOf('sign-out'));
    await signIn(page, { email, password: 'correct-horse-battery' });
    await page.goto('/exercises/affine-layer');
    await expect(page.getByTestId('editor')).toContainText('typed right before signing out', {
      timeout: 15_000,
    });
  });
});

plainTest('a draft that cannot be saved is announced (item 11)', async ({ page }) => {
  plainTest.setTimeout(60_000);
  await signUp(page);
  await page.goto('/exercises/affine-layer');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({ timeout: 20_000 });
  await page.route('**/api/exercises/affine-layer/draft', (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: '{"error":"the database is busy"}',
        })
      : route.continue(),
  );
  await replaceCode(page, '// will not be saved');
  await expect(page.getByTestId('draft-error')).toContainText(
    'Your draft was not saved (the database is busy)',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'draft was not saved' })).toBeVisible();
});

test('statuses, dates, lectures and submissions are shown in words (item 12)', async ({
  page,
  guard,
  browser,
  baseURL,
}) => {
  void guard;
  test.setTimeout(60_000);
  const student = await browser.newContext();
  const { email } = await signUpByApi(student.request, baseURL ?? '', 'Wordy Student');
  const broken = await submitAndWait(student.request, 'syntax error (');
  expect(broken.status).toBe('compile_error');
  await student.close();

  await signIn(page, demo.instructor);
  const rawCodes = /compile_error|runtime_error|memory_limit|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
  await page.goto(`/instructor/submissions?student=${encodeURIComponent(email)}`);
  const main = page.locator('main');
  await expect(page.getByTestId('submissions-table')).toContainText('Compile error');
  await expect(page.getByTestId('submissions-table')).toContainText('The affine layer');
  await expect(page.getByLabel('Status').locator('option', { hasText: 'Memory limit exceeded' })).toHaveCount(
    1,
  );
  expect(await main.innerText()).not.toMatch(rawCodes);
  expect(await page.getByLabel('Status').innerText()).not.toMatch(/_/);

  await page.getByTestId('submissions-table').locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByTestId('submission-status')).toHaveText('compile error');
  expect(await main.innerText()).not.toMatch(rawCodes);
  expect(await main.innerText()).not.toContain(broken.id);

  await page.goto('/instructor');
  const lectureCell = page.locator('tbody tr', { hasText: 'The affine layer' }).locator('td').nth(2);
  await expect(lectureCell).not.toHaveText(lectureOfAffine);
  await expect(lectureCell.getByRole('link')).toHaveAttribute('href', `/lectures/${lectureOfAffine}`);
});

test.describe('navigation (item 13)', () => {
  test('a lecture links to its exercises and to the previous and next lecture', async ({ page, guard }) => {
    void guard;
    await page.goto(`/lectures/${lectureOfAffine}`);
    await expect(
      page.getByTestId('lecture-exercises').getByRole('link', { name: 'Exercise: The affine layer' }),
    ).toHaveAttribute('href', '/exercises/affine-layer');
    const pager = page.getByRole('navigation', { name: 'Lectures' });
    const next = pager.locator('a[rel="next"]');
    await expect(next).toHaveCount(1);
    const nextTitle = (await next.innerText()).replace(/^Next: /, '').replace(/ →$/, '');
    await next.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(nextTitle);
    await expect(page.getByRole('navigation', { name: 'Lectures' }).locator('a[rel="prev"]')).toHaveAttribute(
      'href',
      `/lectures/${lectureOfAffine}`,
    );
  });

  test('a student lists their submissions and loads an old one back into the editor', async ({
    page,
    guard,
  }) => {
    void guard;
    test.setTimeout(60_000);
    await signUp(page);
    const marked = `${solution}\n// the first attempt\n`;
    await submitAndWait(page.request, marked);
    await page.request.put('/api/exercises/affine-layer/draft', { data: { code: starter } });
    await page.goto('/');
    await page.getByRole('link', { name: 'Your submissions' }).click();
    const table = page.getByTestId('my-submissions');
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(table).toContainText('The affine layer');
    await expect(table).toContainText('10 / 10');
    await table.getByRole('link', { name: 'Open in the editor' }).click();
    await expect(page.getByTestId('loaded-from')).toBeVisible();
    await expect(page.getByTestId('editor')).toContainText('the first attempt', { timeout: 15_000 });
    await expect(page.getByTestId('draft-status')).toHaveText('Draft saved');
    await page.goto('/exercises/affine-layer');
    await expect(page.getByTestId('editor')).toContainText('the first attempt', { timeout: 15_000 });
  });

  plainTest('an unknown address gets the site\u2019s own 404 page', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to the course' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });

  test('a signed-out visitor is told why they must sign in; the password rule is visible', async ({
    page,
    guard,
  }) => {
    void guard;
    await page.goto('/exercises/affine-layer');
    await expect(page.getByTestId('sign-in-reason')).toContainText('needs an account');
    await expect(page.getByTestId('sign-in-reason')).toContainText('/exercises/affine-layer');
    await page.goto('/sign-up');
    await expect(page.getByTestId('password-rule')).toHaveText('At least 8 characters.');
    await page.getByLabel('Name').fill('Short Password');
    await page.getByLabel('Email').fill(`short-${Date.now()}@example.test`);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.locator('#auth-error')).toHaveText('The password must have at least 8 characters.');
  });

  test('an instructor issues a reset link; the student sets a new password with it', async ({
    page,
    guard,
    browser,
    baseURL,
  }) => {
    void guard;
    test.setTimeout(60_000);
    const student = await browser.newContext();
    const { email } = await signUpByApi(student.request, baseURL ?? '', 'Forgetful Student');
    await student.close();

    await page.goto('/sign-in');
    await expect(page.getByText('Forgot your password? Ask your instructor for a reset link.')).toBeVisible();
    await signIn(page, demo.instructor);
    await page.goto('/instructor');
    await page.getByLabel('Student email').fill(email);
    await page.getByRole('button', { name: 'Issue a reset link' }).click();
    const link = await page.getByTestId('reset-link').locator('code').innerText();
    expect(link).toMatch(/\/reset-password\?token=/);

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    await other.getByLabel('New password').fill('a-brand-new-password');
    await other.getByRole('button', { name: 'Set the new password' }).click();
    await expect(other.getByRole('status')).toContainText('Your password is changed');
    await signIn(other, { email, password: 'a-brand-new-password' });
    // The link works once.
    const again = await other.request.post('/api/auth/reset-password', {
      data: { newPassword: 'yet-another-password', token: new URL(link).searchParams.get('token') },
      headers: { origin: baseURL ?? '' },
    });
    expect(again.status()).toBe(400);
    await fresh.close();
  });
});

test('instructor tables wrap long values and keep status and score in view (item 14)', async ({
  page,
  guard,
  browser,
  baseURL,
}) => {
  void guard;
  test.setTimeout(60_000);
  const student = await browser.newContext();
  const longName = `Zoë ${'W'.repeat(94)}`;
  const { email } = await signUpByApi(student.request, baseURL ?? '', longName);
  expect((await student.request.post('/api/classes/join', { data: { code: demoClass.joinCode } })).ok()).toBe(
    true,
  );
  await submitAndWait(student.request, solution);
  await student.close();

  await signIn(page, demo.instructor);
  await page.goto(`/instructor/submissions?student=${encodeURIComponent(email)}`);
  const row = page.getByTestId('submissions-table').locator('tbody tr').first();
  const viewport = page.viewportSize()?.width ?? 1280;
  for (const cell of [row.locator('td').nth(3), row.locator('td').nth(4)]) {
    const box = await cell.boundingBox();
    expect(box, 'cell is rendered').not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0), 'cell ends inside the window').toBeLessThanOrEqual(viewport);
  }
  await expect(row.locator('td').nth(3)).toHaveText('Graded');
  await expect(row.locator('td').nth(4)).toHaveText('10 / 10');

  await page.goto('/instructor/gradebook');
  const gradebookRow = page.getByTestId('gradebook').locator('tbody tr', { hasText: email });
  const total = await gradebookRow.locator('td').last().boundingBox();
  expect((total?.x ?? 0) + (total?.width ?? 0)).toBeLessThanOrEqual(viewport);
  await expect(page.getByTestId('gradebook').locator('thead')).toContainText('The affine layer');
  await expect(page.getByTestId('gradebook').locator('tbody tr').first()).toContainText('Max points');

  const classId = /\/classes\/([^/]+)\/gradebook$/.exec(page.url())?.[1];
  const csv = await (await page.request.get(`/api/classes/${classId}/export?format=csv`)).body();
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const line = csv
    .toString('utf8')
    .split('\r\n')
    .find((l) => l.startsWith(`${longName},${email},`));
  expect(line?.split(',').at(-1)).toBe('10');
});
