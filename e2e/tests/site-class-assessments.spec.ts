import { createPrismaClient } from '@gradlab/prisma';
import { expect, test } from '../fixtures/page-guard.ts';
import { demo, e2eDatabaseUrl, signIn, signUp, signUpByApi } from '../fixtures/site.ts';

const database = () => createPrismaClient(e2eDatabaseUrl);

const json = (data: unknown) => ({ data, headers: { 'content-type': 'application/json' } });
const HOUR = 3_600_000;

/**
 * Assessments scheduled in a class: only its members see a class-only assessment; an exam's
 * attempt ends at the time limit stretched by the student's accommodation; homework handed in
 * after the due date loses what the late policy says, and its score reaches the gradebook.
 */
test.describe('exams and homework in a class', () => {
  test('an instructor schedules homework and an exam with an accommodation; students see their windows, outsiders see nothing', async ({
    page,
    guard,
    browser,
    baseURL,
  }) => {
    void guard;
    test.setTimeout(150_000);
    // The instructor creates a class (through the API) and schedules on its page.
    await signIn(page, demo.instructor);
    const created = await page.request.post('/api/classes', json({ name: 'Scheduling (e2e)' }));
    expect(created.status()).toBe(201);
    const { id: classId, joinCode } = (await created.json()) as { id: string; joinCode: string };

    // two students join with the code; an outsider does not
    const contexts = await Promise.all([1, 2, 3].map(() => browser.newContext({ baseURL })));
    const [extraTime, plain, outsider] = await Promise.all(contexts.map((c) => c.newPage()));
    if (!extraTime || !plain || !outsider) throw new Error('three pages expected');
    const accounts = [];
    for (const [i, p] of [extraTime, plain, outsider].entries()) {
      accounts.push(
        await signUpByApi(p.request, baseURL ?? '', ['Ada Extra', 'Ben Plain', 'Olga Outside'][i]),
      );
      if (i < 2)
        expect((await p.request.post('/api/classes/join', json({ code: joinCode }))).ok()).toBe(true);
    }
    const ada = accounts[0];
    if (!ada) throw new Error('Ada expected');

    await page.goto(`/classes/${classId}`);
    await page.waitForLoadState('networkidle');
    const schedule = page.getByRole('form', { name: 'Schedule an assessment' });
    // homework due an hour ago, 10% off per late day for three days (the form takes local time)
    const local = (ms: number) => {
      const d = new Date(ms);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    };
    await schedule.getByLabel('Assessment').selectOption('homework-backprop');
    await schedule.getByLabel('Closes / due').fill(local(Date.now() - HOUR));
    await schedule.getByLabel(/^Late: % off per day/).fill('10');
    await schedule.getByLabel('Late days accepted').fill('3');
    await schedule.getByRole('button', { name: 'Schedule' }).click();
    await expect(page.getByTestId('schedule-result')).toHaveText('Saved.');
    await expect(page.getByTestId('class-assessments')).toContainText('Homework: backpropagation');
    await expect(page.getByTestId('class-assessments')).toContainText(
      '10% off per day late, for up to 3 days',
    );
    // an exam that takes late work is refused with the reason
    const refused = await page.request.post(
      `/api/classes/${classId}/assessments`,
      json({
        assessmentId: 'warm-up-quiz',
        opensAt: null,
        closesAt: new Date(Date.now() + HOUR).toISOString(),
        latePercentPerDay: 5,
        lateDays: 1,
        feedback: null,
      }),
    );
    expect(refused.status()).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toContain('latePercentPerDay');
    await schedule.getByLabel('Assessment').selectOption('warm-up-quiz');
    await schedule.getByLabel('Closes / due').fill(local(Date.now() + 2 * HOUR));
    await schedule.getByLabel(/^Late: % off per day/).fill('');
    await schedule.getByRole('button', { name: 'Schedule' }).click();
    await expect(page.getByTestId('class-assessments')).toContainText('Warm-up quiz');

    // Ada gets time and a half on the quiz
    const accommodation = page.getByRole('form', { name: 'Set an accommodation' });
    await accommodation.getByLabel('Student').selectOption(ada.id);
    await accommodation.getByLabel('For').selectOption('warm-up-quiz');
    await accommodation.getByLabel('Time factor').fill('1.5');
    await accommodation.getByRole('button', { name: 'Save accommodation' }).click();
    await expect(page.getByTestId('accommodation-result')).toHaveText('Saved.');
    await expect(page.getByTestId('accommodations')).toContainText('Ada Extra');

    // The outsider sees neither the class-only homework nor the class's copy of the quiz.
    for (const url of [`/assessments/homework-backprop?class=${classId}`, '/assessments/homework-backprop']) {
      const response = await outsider.request.get(url);
      expect(response.status(), url).toBe(404);
    }
    const sneak = await outsider.request.post(
      '/api/assessments/homework-backprop/attempts',
      json({ mode: 'timed', classId }),
    );
    expect(sneak.status()).toBe(404);
    await outsider.goto('/assessments');
    await expect(outsider.getByTestId('assessments')).not.toContainText('Homework');

    // The quiz: Ada's timer shows 30 minutes, Ben's 20.
    for (const [student, minutes] of [
      [extraTime, 30],
      [plain, 20],
    ] as const) {
      await student.goto(`/classes/${classId}`);
      await student.getByTestId('class-assessments').getByRole('link', { name: 'Warm-up quiz' }).click();
      await student.waitForLoadState('networkidle');
      await student.getByRole('button', { name: 'Start the timed exam' }).click();
      await expect(student).toHaveURL(/\/attempts\/[^/]+$/);
      await expect(student.getByTestId('time-left')).toHaveText(
        new RegExp(`^(${minutes}:00|${minutes - 1}:\\d\\d) left$`),
      );
    }
    // practice of a class exam waits until it closes
    const early = await plain.request.post(
      '/api/assessments/warm-up-quiz/attempts',
      json({ mode: 'practice', classId }),
    );
    expect(early.status()).toBe(409);

    // The homework, handed in late: scores shown while working ("during"), 10% taken at the end.
    await plain.goto(`/assessments/homework-backprop?class=${classId}`);
    await expect(plain.getByTestId('schedule')).toContainText('10% off per day late');
    await expect(plain.getByTestId('homework-exercises')).toContainText('not submitted');
    await plain.waitForLoadState('networkidle');
    await plain.getByRole('button', { name: 'Start the questions' }).click();
    await expect(plain).toHaveURL(/\/attempts\/[^/]+$/);
    const attemptId = plain.url().split('/').at(-1) ?? '';
    await plain.waitForLoadState('networkidle');
    const prisma = database();
    try {
      const attempt = await prisma.attempt.findUniqueOrThrow({ where: { id: attemptId } });
      const drawn = JSON.parse(attempt.questions) as { questionId: string }[];
      const position = drawn.findIndex((q) => q.questionId === 'sigmoid-derivative');
      const section = plain.getByTestId(`question-${position}`);
      await section.getByLabel('Answer to part a').fill('y*(1-y)');
      await section.getByRole('button', { name: 'Check this question' }).click();
      await expect(plain.getByTestId(`checked-${position}`)).toContainText('points on this check');
      // the key stays hidden while the homework is open
      await expect(section.getByText('Worked solution')).toHaveCount(0);
      plain.once('dialog', (dialog) => void dialog.accept());
      await plain.getByRole('button', { name: 'Submit' }).click();
      await expect(plain.getByTestId('attempt-status')).toContainText('late: 10% taken off');
      const submitted = await prisma.attempt.findUniqueOrThrow({ where: { id: attemptId } });
      expect(submitted.latePenalty).toBeCloseTo(0.1);
      expect(submitted.score).toBeGreaterThanOrEqual(2);
      const expected = Math.round((submitted.score ?? 0) * 0.9 * 100) / 100;
      await expect(plain.getByTestId('attempt-score')).toHaveText(`${expected} / 12`);

      // the gradebook's homework column holds the late score
      await page.goto(`/classes/${classId}/gradebook`);
      const row = page.getByRole('row', { name: /Ben Plain/ });
      await expect(row).toContainText(String(expected));
    } finally {
      await prisma.$disconnect();
      await Promise.all(contexts.map((c) => c.close()));
    }
  });

  test('practice gives a new variant on retry, worth less as the assessment says', async ({
    page,
    guard,
  }) => {
    void guard;
    test.setTimeout(90_000);
    await signUp(page);
    await page.goto('/assessments/warm-up-quiz');
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: /^Practise/ }).click();
    await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
    const attemptId = page.url().split('/').at(-1) ?? '';
    await page.waitForLoadState('networkidle');
    const prisma = database();
    try {
      const before = JSON.parse(
        (await prisma.attempt.findUniqueOrThrow({ where: { id: attemptId } })).questions,
      ) as { seed: number }[];
      const first = page.getByTestId('question-0');
      await first.getByRole('button', { name: 'Check this question' }).click();
      await expect(first.getByText('Worked solution')).toBeVisible();
      await page.getByTestId('checked-0').getByRole('button', { name: 'Try a new variant' }).click();
      await expect(page.getByTestId('value-0')).toHaveText(/try 2, worth 75% of the points/);
      await expect(first.getByRole('button', { name: 'Check this question' })).toBeVisible();
      const after = JSON.parse(
        (await prisma.attempt.findUniqueOrThrow({ where: { id: attemptId } })).questions,
      ) as { seed: number; variant: number }[];
      expect(after[0]?.variant).toBe(1);
      expect(after[0]?.seed).not.toBe(before[0]?.seed);
      expect(after[1]?.seed).toBe(before[1]?.seed);
    } finally {
      await prisma.$disconnect();
    }
  });
});
