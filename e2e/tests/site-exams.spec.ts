import { execFileSync } from 'node:child_process';
import { createPrismaClient } from '@gradlab/prisma';
import { expect, test } from '../fixtures/page-guard.ts';
import { demo, e2eDatabaseUrl, exerciseFile, repoRoot, signIn, signUp } from '../fixtures/site.ts';

const database = () => createPrismaClient(e2eDatabaseUrl);

/** The drawn questions of an attempt, as the server stored them. */
async function drawn(attemptId: string): Promise<{ questionId: string; seed: number; points: number }[]> {
  const prisma = database();
  try {
    const attempt = await prisma.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    return JSON.parse(attempt.questions);
  } finally {
    await prisma.$disconnect();
  }
}

function variantKey(id: string, seed: number): { parts: Record<string, { key: unknown }> } {
  return JSON.parse(
    execFileSync('npx', ['gradlab', 'question', id, '--seed', String(seed), '--json'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }),
  );
}

const json = (data: unknown) => ({ data, headers: { 'content-type': 'application/json' } });

test.describe('timed exams', () => {
  test('a student takes a timed quiz: answers are saved as typed, survive a reload, and are graded after submitting', async ({
    page,
    guard,
  }) => {
    void guard;
    test.setTimeout(120_000);
    await signUp(page);
    await page.getByRole('link', { name: 'Mock exams' }).click();
    await page.getByRole('link', { name: 'Warm-up quiz' }).click();
    await page.getByRole('button', { name: 'Start the timed exam' }).click();
    await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
    const attemptId = page.url().split('/').at(-1) ?? '';
    await expect(page.getByTestId('time-left')).toHaveText(/^(20:00|19:\d\d) left$/);
    const questions = await drawn(attemptId);
    expect(questions).toHaveLength(5);
    await page.waitForLoadState('networkidle');

    // the convolution problem, answered right, with the key an instructor would print
    const position = questions.findIndex((q) => q.questionId === 'conv-output-size');
    const conv = questions[position];
    const { parts } = variantKey('conv-output-size', conv?.seed ?? 0);
    const section = page.getByTestId(`question-${position}`);
    await section
      .getByLabel('Answer to part a')
      .fill(String(parts.a?.key instanceof Array ? (parts.a.key as unknown[]).join(' x ') : ''));
    await section.getByLabel('Answer to part b').fill(String(parts.b?.key));
    await section.getByLabel('kernel').fill('3');
    await section.getByLabel('stride').fill('1');
    await section.getByLabel('padding').fill('1');
    await expect(page.getByTestId(`save-${position}`)).toContainText('saved', { timeout: 10_000 });

    // a reload (or another device) shows the same questions and the saved answers
    await page.reload();
    await expect(page.getByTestId(`question-${position}`).getByLabel('Answer to part b')).toHaveValue(
      String(parts.b?.key),
    );
    // a second start opens the same attempt
    const again = await page.request.post('/api/assessments/warm-up-quiz/attempts', json({ mode: 'timed' }));
    expect(again.status()).toBe(200);
    expect((await again.json()).id).toBe(attemptId);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(page.getByTestId('attempt-review')).toBeVisible();
    await expect(page.getByTestId(`grade-${position}`)).toHaveText(
      `${conv?.points} / ${conv?.points} points`,
    );
    await expect(page.getByTestId('attempt-score')).toHaveText(new RegExp(`^${conv?.points} / 28$`));
    await expect(page.getByTestId('topic-breakdown')).toContainText('CNN shapes: 6 / 6');
    // after submitting, answers can no longer change
    const late = await page.request.put(
      `/api/attempts/${attemptId}/answers/${position}`,
      json({ responses: { b: '1' } }),
    );
    expect(late.status()).toBe(409);
  });

  test('an exam whose time runs out with the browser closed is submitted by the server, and nothing saved is lost', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signUp(page);
    // two tabs starting at the same moment get one attempt
    const [one, two] = await Promise.all([
      page.request.post('/api/assessments/warm-up-quiz/attempts', json({ mode: 'timed' })),
      page.request.post('/api/assessments/warm-up-quiz/attempts', json({ mode: 'timed' })),
    ]);
    expect([one.status(), two.status()].sort()).toEqual([200, 201]);
    const { id } = (await one.json()) as { id: string };
    expect((await two.json()).id).toBe(id);
    const saved = await page.request.put(
      `/api/attempts/${id}/answers/0`,
      json({ responses: { a: 'y(1-y)' } }),
    );
    expect(saved.status()).toBe(200);
    await context.close();

    // the deadline passes while no browser is open
    const prisma = database();
    try {
      await prisma.attempt.update({ where: { id }, data: { deadlineAt: new Date(Date.now() - 1000) } });
      let attempt = await prisma.attempt.findUniqueOrThrow({ where: { id } });
      for (let i = 0; i < 40 && attempt.status === 'open'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        attempt = await prisma.attempt.findUniqueOrThrow({ where: { id } });
      }
      expect(attempt.status).toBe('submitted');
      expect(attempt.submittedBy).toBe('server');
      expect(attempt.submittedAt?.getTime()).toBeLessThanOrEqual(attempt.deadlineAt?.getTime() ?? 0);
      expect(
        (await prisma.attemptAnswer.findMany({ where: { attemptId: id } })).map((a) =>
          JSON.parse(a.responses),
        ),
      ).toEqual([{ a: 'y(1-y)' }]);
    } finally {
      await prisma.$disconnect();
    }
  });

  test('practice mode checks one question at a time; a timed attempt does not', async ({ page, guard }) => {
    void guard;
    test.setTimeout(90_000);
    await signUp(page);
    await page.goto('/assessments/warm-up-quiz');
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: /^Practise/ }).click();
    await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
    const attemptId = page.url().split('/').at(-1) ?? '';
    await expect(page.getByTestId('attempt-bar')).toContainText('untimed practice');
    await page.waitForLoadState('networkidle');
    const first = page.getByTestId('question-0');
    await first.getByRole('button', { name: 'Check this question' }).click();
    await expect(first.locator('[data-testid^="result-"]').first()).toContainText('no answer');
    await expect(first.getByText('Worked solution')).toBeVisible();
    const timed = await page.request.post('/api/assessments/warm-up-quiz/attempts', json({ mode: 'timed' }));
    const { id } = (await timed.json()) as { id: string };
    const refused = await page.request.post(`/api/attempts/${id}/practice/0`, json({ responses: {} }));
    expect(refused.status()).toBe(403);
    expect(attemptId).not.toBe(id);
  });

  test('the instructor sees results and item statistics, grades a free-text answer with the rubric, and downloads the CSV; the student sees the rubric applied', async ({
    page,
    guard,
    browser,
    baseURL,
  }) => {
    void guard;
    test.setTimeout(120_000);
    const student = await browser.newContext({ baseURL });
    const studentPage = await student.newPage();
    const studentEmail = await signUp(studentPage, 'Rubric Student');
    const started = await studentPage.request.post(
      '/api/assessments/warm-up-quiz/attempts',
      json({ mode: 'timed' }),
    );
    const { id } = (await started.json()) as { id: string };
    const questions = await drawn(id);
    // every attempt draws two of the three short questions: at least one with a manual part
    for (const [position, q] of questions.entries()) {
      const responses =
        q.questionId === 'lstm-gates'
          ? { c: 'The cell is updated additively, so the gradient is scaled by the forget gate only.' }
          : q.questionId === 'dropout-twice'
            ? { c: { answer: true, reason: 'The masks multiply into one Bernoulli mask.' } }
            : {};
      const saved = await studentPage.request.put(
        `/api/attempts/${id}/answers/${position}`,
        json({ responses }),
      );
      expect(saved.status()).toBe(200);
    }
    expect((await studentPage.request.post(`/api/attempts/${id}/submit`)).status()).toBe(200);

    await signIn(page, demo.instructor);
    await page.goto('/instructor');
    await page.getByRole('link', { name: 'Warm-up quiz' }).click();
    await expect(page.getByTestId('assessment-results')).toContainText('Rubric Student');
    await expect(page.getByTestId('item-statistics').locator('tbody tr').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    const entry = page.getByTestId('manual-entry').filter({ hasText: studentEmail }).first();
    await expect(entry.getByTestId('manual-answer')).toContainText(/additively|Bernoulli/);
    await entry.getByRole('checkbox').first().check();
    await entry.getByLabel('Comment for the student').fill('Well put.');
    const waiting = async () =>
      Number(
        /\((\d+) waiting\)/.exec(
          (await page.getByRole('heading', { name: /^Manual grading/ }).textContent()) ?? '',
        )?.[1],
      );
    const before = await waiting();
    await entry.getByRole('button', { name: 'Save grade (1 points)' }).click();
    // the graded answer leaves the queue (the page's data is refreshed after the save)
    await expect.poll(waiting).toBe(before - 1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gradlab-warm-up-quiz-results-\d{4}-\d{2}-\d{2}\.csv$/);

    await studentPage.goto(`/attempts/${id}`);
    const applied = studentPage.locator('[data-testid^="manual-"]').first();
    await expect(applied).toContainText('graded by the course staff: 1 point');
    await expect(applied).toContainText('Well put.');
    await student.close();
  });

  test('a code question in an exam: Run and Submit of its exercise are off until the exam is submitted, then the grader grades the code', async ({
    page,
    guard,
  }) => {
    void guard;
    test.setTimeout(120_000);
    await signUp(page);
    await page.goto('/assessments/coding-check');
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Start the timed exam' }).click();
    await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
    const attemptId = page.url().split('/').at(-1) ?? '';
    const [question] = await drawn(attemptId);
    const { parts } = variantKey('code-loss-function', question?.seed ?? 0);
    const exercise = (parts.a as unknown as { exercise: string }).exercise;
    expect(['mse-loss', 'bce-loss']).toContain(exercise);
    // while the exam runs, the exercise's public checks and its scores stay on the server
    expect((await page.request.get(`/api/exercises/${exercise}/kit`)).status()).toBe(403);
    const submission = await page.request.post(
      '/api/submissions',
      json({ exerciseId: exercise, code: 'export {}', language: 'ts' }),
    );
    expect(submission.status()).toBe(403);
    expect(((await submission.json()) as { error: string }).error).toContain('Coding check');

    await page.waitForLoadState('networkidle');
    const section = page.getByTestId('question-0');
    await section.getByLabel('Answer to part a').fill(exerciseFile(exercise, 'solution.ts'));
    await section.getByLabel('Answer to part b').fill(String(parts.b?.key));
    await expect(page.getByTestId('save-0')).toContainText('saved', { timeout: 10_000 });
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(page.getByTestId('attempt-score')).toHaveText('8 / 8', { timeout: 30_000 });
    await expect(section.getByTestId('result-a')).toContainText('tests passed (public and hidden)');
    expect((await page.request.get(`/api/exercises/${exercise}/kit`)).status()).toBe(200);
  });
});
