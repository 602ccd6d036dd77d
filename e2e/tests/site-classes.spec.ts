import fs from 'node:fs';
import { createPrismaClient } from '@gradlab/prisma';
import type { APIRequestContext, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expect, test } from '../fixtures/page-guard.ts';
import { demo, e2eDatabaseUrl, exerciseFile, signIn, signUpByApi, submitAndWait } from '../fixtures/site.ts';

/** A downloaded CSV, read as an importer reads it (byte order mark dropped). */
async function downloadCsv(page: Page, link: string): Promise<{ name: string; rows: string[][] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link }).click(),
  ]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return { name: download.suggestedFilename(), rows: parse(text.slice(1)) as string[][] };
}

const json = (data: unknown) => ({ data, headers: { 'content-type': 'application/json' } });

test.describe('classes', () => {
  test('an instructor creates a class, a student joins by code, a TA overrides a grade the student then sees, and the exports parse', async ({
    page,
    guard,
    browser,
    baseURL,
  }) => {
    void guard;
    test.setTimeout(120_000);
    // The instructor creates the class and reads its join code.
    await signIn(page, demo.instructor);
    await page.getByRole('link', { name: 'Classes' }).click();
    await page.getByLabel('Class name').fill('Winter 2026 (e2e)');
    await page.getByRole('button', { name: 'Create class' }).click();
    await expect(page.getByRole('heading', { name: 'Winter 2026 (e2e)' })).toBeVisible();
    await expect(page.getByTestId('class-role')).toHaveText('Instructor');
    const code = (await page.getByTestId('join-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    const classUrl = page.url();
    const classId = classUrl.split('/').at(-1) ?? '';

    // A student joins with the code, typed loosely, on their classes page.
    const student = await browser.newContext({ baseURL });
    const studentPage = await student.newPage();
    const { email: studentEmail } = await signUpByApi(student.request, baseURL ?? '', 'Nora Student');
    await studentPage.goto('/classes');
    await studentPage.getByLabel('Join code').fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
    await studentPage.getByRole('button', { name: 'Join' }).click();
    await expect(studentPage.getByRole('heading', { name: 'Winter 2026 (e2e)' })).toBeVisible();
    await expect(studentPage.getByTestId('class-role')).toHaveText('Student');
    const wrong = await submitAndWait(
      student.request,
      exerciseFile('affine-layer', 'solution.ts').replace('.add(b)', ''),
    );
    const computed = String(wrong.score);
    expect(wrong.score).toBeLessThan(9);

    // A colleague joins through the join link; the instructor makes them a TA.
    const ta = await browser.newContext({ baseURL });
    const taPage = await ta.newPage();
    await signUpByApi(ta.request, baseURL ?? '', 'Theo Assistant');
    await taPage.goto(`/join/${code}`);
    await expect(taPage.getByText('You were invited to Winter 2026 (e2e).')).toBeVisible();
    await taPage.getByRole('button', { name: 'Join' }).click();
    await expect(taPage.getByTestId('class-role')).toHaveText('Student');
    await page.reload();
    await page.getByLabel('Role of Theo Assistant').selectOption('ta');
    await expect(page.getByText('Theo Assistant is now TA.')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('audit-log')).toContainText('changed a role (Theo Assistant)');
    await expect(page.getByTestId('audit-log')).toContainText('"to":"ta"');

    // The TA overrides the student's grade with a reason.
    await taPage.goto(`/classes/${classId}`);
    await expect(taPage.getByTestId('class-role')).toHaveText('TA');
    await taPage.getByRole('link', { name: 'Gradebook, overrides and exports' }).click();
    const cell = taPage.locator(`tr[data-email="${studentEmail}"] td[data-exercise="affine-layer"]`);
    await expect(cell).toHaveText(computed);
    await taPage
      .getByRole('combobox', { name: 'Student', exact: true })
      .selectOption({ label: `Nora Student (${studentEmail})` });
    await taPage.getByRole('combobox', { name: 'Exercise', exact: true }).selectOption('affine-layer');
    await taPage.getByLabel('Score (of 10)').fill('9');
    await taPage.getByLabel('Reason').fill('regrade: the bias case was ambiguous');
    await taPage.getByRole('button', { name: 'Save override' }).click();
    await expect(taPage.getByTestId('override-result')).toHaveText('Override saved.');
    await expect(cell).toHaveText(/^9\*/);
    await expect(cell.getByTestId('overridden')).toHaveAttribute(
      'title',
      new RegExp(`computed ${computed}\\).*reason: regrade`),
    );

    // The exports download from the site and parse.
    const plain = await downloadCsv(taPage, 'Download CSV');
    expect(plain.name).toMatch(/^gradlab-winter-2026-e2e-gradebook-\d{4}-\d{2}-\d{2}\.csv$/);
    const affine = plain.rows[0]?.indexOf('The affine layer') ?? -1;
    expect(affine).toBeGreaterThan(1);
    expect(plain.rows[1]?.[affine]).toBe('10');
    expect(plain.rows.find((r) => r[1] === studentEmail)?.[affine]).toBe('9');
    const canvas = await downloadCsv(taPage, 'Canvas / Moodle CSV');
    expect(canvas.rows[0]?.slice(0, 5)).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section']);
    expect(canvas.rows[1]?.[0]).toBe('Points Possible');
    const canvasAffine = canvas.rows[0]?.indexOf('The affine layer (affine-layer)') ?? -1;
    expect(canvas.rows.find((r) => r[3] === studentEmail)?.[canvasAffine]).toBe('9');
    const gradescope = await downloadCsv(taPage, 'Gradescope scores CSV');
    expect(gradescope.rows[0]).toEqual(['Name', 'SID', 'Email', 'Total Score', 'Max Points']);
    expect(gradescope.rows.find((r) => r[2] === studentEmail)?.[3]).toBe('9');

    // The student sees the effective grade, marked, with the reason.
    await studentPage.goto(`/classes/${classId}`);
    const mine = studentPage.getByTestId('my-grades');
    await expect(mine).toContainText('regrade: the bias case was ambiguous');
    await expect(mine.getByTestId('overridden')).toHaveText(/^9\*/);
    await expect(studentPage.getByTestId('my-total')).toHaveText('9');
    await studentPage.goto('/');
    await expect(studentPage.getByTestId('course-progress')).toContainText('9 of');
    await student.close();
    await ta.close();
  });

  test('nobody outside a class sees anything of it, and roles bound what members may do', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const instructor = await browser.newContext({ baseURL });
    const signedIn = await instructor.request.post('/api/auth/sign-in/email', {
      data: demo.instructor,
      headers: { origin: baseURL ?? '' },
    });
    expect(signedIn.status()).toBe(200);
    const create = async (name: string) => {
      const response = await instructor.request.post('/api/classes', json({ name }));
      expect(response.status()).toBe(201);
      return (await response.json()) as { id: string; joinCode: string };
    };
    const classA = await create('Class A (access)');
    const classB = await create('Class B (access)');
    const student = await browser.newContext({ baseURL });
    const { id: studentId } = await signUpByApi(student.request, baseURL ?? '', 'Alex InA');
    expect((await student.request.post('/api/classes/join', json({ code: classA.joinCode }))).status()).toBe(
      201,
    );
    const ta = await browser.newContext({ baseURL });
    const { id: taId, email: taEmail } = await signUpByApi(ta.request, baseURL ?? '', 'Tess TA');
    const added = await instructor.request.post(
      `/api/classes/${classA.id}/members`,
      json({ email: taEmail, role: 'ta' }),
    );
    expect(await added.json()).toEqual({ added: [taEmail], invited: [], unchanged: [] });

    // Every page and API route of class B, for a member of class A: 404, as if B did not exist.
    const pages = (id: string) => [`/classes/${id}`, `/classes/${id}/gradebook`];
    const calls = (id: string, userId: string) =>
      [
        ['PATCH', `/api/classes/${id}`, { joinOpen: false }],
        ['POST', `/api/classes/${id}/members`, { email: 'x@example.test', role: 'student' }],
        ['POST', `/api/classes/${id}/members`, { csv: 'email\nx@example.test\n' }],
        ['PATCH', `/api/classes/${id}/members/${userId}`, { role: 'instructor' }],
        ['DELETE', `/api/classes/${id}/members/${userId}`, undefined],
        [
          'POST',
          `/api/classes/${id}/overrides`,
          { userId, exerciseId: 'affine-layer', score: 10, dueAt: null, reason: 'x' },
        ],
        ['DELETE', `/api/classes/${id}/overrides`, { userId, exerciseId: 'affine-layer' }],
        ['GET', `/api/classes/${id}/export?format=csv`, undefined],
        ['GET', `/api/classes/${id}/export?format=canvas`, undefined],
        ['GET', `/api/classes/${id}/export?format=gradescope`, undefined],
        ['POST', '/api/classes/current', { classId: id }],
      ] as const;
    const call = (request: APIRequestContext, [method, url, data]: readonly [string, string, unknown]) =>
      request.fetch(url, { method, ...(data === undefined ? {} : json(data)) });
    const page = await student.newPage();
    for (const path of pages(classB.id)) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    for (const c of calls(classB.id, studentId)) {
      expect((await call(student.request, c)).status(), `${c[0]} ${c[1]}`).toBe(404);
      expect((await call(ta.request, c)).status(), `TA of A: ${c[0]} ${c[1]}`).toBe(404);
    }
    // A student of class A: its page yes; staff pages forbidden, staff APIs 403.
    expect((await page.goto(`/classes/${classA.id}`))?.status()).toBe(200);
    await page.goto(`/classes/${classA.id}/gradebook`);
    await expect(page).toHaveURL(/\/forbidden$/);
    for (const c of calls(classA.id, studentId).filter(([, url]) => url !== '/api/classes/current'))
      expect((await call(student.request, c)).status(), `student: ${c[0]} ${c[1]}`).toBe(403);
    // The TA grades but does not change the roster, roles or settings.
    const taCalls = calls(classA.id, studentId);
    for (const c of taCalls.slice(0, 5))
      expect((await call(ta.request, c)).status(), `TA: ${c[0]} ${c[1]}`).toBe(403);
    for (const c of taCalls.slice(7, 10))
      expect((await call(ta.request, c)).status(), `TA: ${c[1]}`).toBe(200);
    expect((await call(ta.request, taCalls[5])).status()).toBe(200);
    expect((await call(ta.request, taCalls[6])).status()).toBe(204);
    // Bad input gets a clear 400 naming the field.
    const bad = await ta.request.post(
      `/api/classes/${classA.id}/overrides`,
      json({ userId: studentId, exerciseId: 'affine-layer', score: 11, dueAt: null, reason: 'x' }),
    );
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toBe("score: at most the exercise's 10 points");
    const roster = await instructor.request.post(
      `/api/classes/${classA.id}/members`,
      json({ csv: 'email,role\nok@example.test,student\nnope,dean\n' }),
    );
    expect(roster.status()).toBe(400);
    expect((await roster.json()).error).toBe('line 3: "nope" is not an email address');
    const badCode = await student.request.post('/api/classes/join', json({ code: 'ZZZZ-ZZZZ' }));
    expect(badCode.status()).toBe(404);
    expect((await badCode.json()).error).toBe('code: no class has the join code ZZZZZZZZ');
    // TAs see the submissions of their class's students (and nobody else's), students do not.
    const submitted = await submitAndWait(student.request, exerciseFile('affine-layer', 'starter.ts'));
    const taView = await ta.newPage();
    expect((await taView.goto(`/instructor/submissions/${submitted.id}`))?.status()).toBe(200);
    await expect(taView.getByTestId('submission-status')).toHaveText('graded');
    await page.goto(`/instructor/submissions/${submitted.id}`);
    await expect(page).toHaveURL(/\/forbidden$/);
    expect((await instructor.request.delete(`/api/classes/${classA.id}/members/${taId}`)).status()).toBe(204);
    await taView.goto(`/instructor/submissions/${submitted.id}`);
    await expect(taView).toHaveURL(/\/forbidden$/);
    // Signed out: 401.
    const guest = await browser.newContext({ baseURL });
    expect((await guest.request.get(`/api/classes/${classA.id}/export`)).status()).toBe(401);
    await Promise.all([instructor.close(), student.close(), ta.close(), guest.close()]);
  });

  test('staff see a similarity report with the codes side by side, and an instructor regrades an exercise', async ({
    page,
    guard,
    browser,
    baseURL,
  }) => {
    void guard;
    test.setTimeout(120_000);
    await signIn(page, demo.instructor);
    const created = await page.request.post('/api/classes', json({ name: 'Integrity (e2e)' }));
    const { id: classId, joinCode } = (await created.json()) as { id: string; joinCode: string };
    const solution = exerciseFile('affine-layer', 'solution.ts');
    // the same solution, disguised: other names, a comment, another layout
    const disguised = `// all my own work\n${solution
      .replace(/\bdout\b/g, 'upstream')
      .replace(/\bn\b/g, 'batch')
      .replace(/\bdx\b/g, 'gradX')
      .replaceAll('\n', '\n\n')}`;
    const students: { email: string; submissionId: string }[] = [];
    for (const [name, code] of [
      ['Copy Source', solution],
      ['Copy Cat', disguised],
      ['Own Way', exerciseFile('affine-layer', 'starter.ts')],
    ] as const) {
      const context = await browser.newContext({ baseURL });
      const { email } = await signUpByApi(context.request, baseURL ?? '', name);
      expect((await context.request.post('/api/classes/join', json({ code: joinCode }))).status()).toBe(201);
      const graded = await submitAndWait(context.request, code);
      students.push({ email, submissionId: graded.id });
      await context.close();
    }
    await page.goto(`/classes/${classId}/gradebook`);
    await page.getByRole('link', { name: 'Similarity report' }).click();
    // the choice is made once the page is hydrated (React would reset the select's default)
    await page.waitForLoadState('networkidle');
    await page.getByRole('combobox', { name: 'Exercise', exact: true }).selectOption('affine-layer');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL(/exercise=affine-layer/);
    await expect(page.getByTestId('similarity-summary')).toHaveText(
      '3 final submissions compared; 1 pair at or above 50% similarity.',
    );
    const pair = page.getByTestId('similar-pairs').locator('tbody tr');
    await expect(pair).toContainText('Copy Source');
    await expect(pair).toContainText('Copy Cat');
    const percent = Number((await pair.locator('td').first().textContent())?.replace('%', ''));
    expect(percent).toBeGreaterThanOrEqual(90);
    await page.getByTestId('pair-codes').locator('summary').click();
    await expect(page.getByTestId('pair-codes')).toContainText('all my own work');

    // A stored score that no longer matches the spec (as after a spec change): the regrade
    // grades every submission again and says what changed.
    const prisma = createPrismaClient(e2eDatabaseUrl);
    try {
      await prisma.submission.update({ where: { id: students[0]?.submissionId ?? '' }, data: { score: 3 } });
    } finally {
      await prisma.$disconnect();
    }
    await page.goto(`/classes/${classId}/gradebook`);
    await page.waitForLoadState('networkidle');
    await page.getByRole('combobox', { name: 'Exercise to regrade' }).selectOption('affine-layer');
    await page.getByRole('button', { name: 'Regrade all submissions' }).click();
    await expect(page.getByTestId('regrade-result')).toHaveText(
      'Regraded 3 submissions: 1 up, 0 down, 2 unchanged.',
      {
        timeout: 60_000,
      },
    );
    await expect(page.getByTestId('regrade-changes')).toContainText('Copy Source');
    await expect(page.getByTestId('regrade-changes').locator('tbody tr td').nth(2)).toHaveText('10');
    await page.goto(`/classes/${classId}`);
    await expect(page.getByTestId('audit-log')).toContainText('regraded an exercise');
  });
});
