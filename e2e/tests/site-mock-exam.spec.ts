import { createPrismaClient } from '@gradlab/prisma';
import { expect, test } from '../fixtures/page-guard.ts';
import { answerWithKey, type KeyedPart, keyedVariant, manualPointsOf } from '../fixtures/questions.ts';
import { e2eDatabaseUrl, signUp } from '../fixtures/site.ts';

const database = () => createPrismaClient(e2eDatabaseUrl);

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * A full mock exam in the seeds' structure (90 points in 90 minutes: multiple choice, short
 * questions, problems), taken as a student takes it: every part answered through the page with
 * the key an instructor would print (answers of every type the exam draws), saved as typed, a
 * reload in the middle, submission, and the review with the points of every question.
 */
test('a student takes a full mock exam: every answer type, autosave, a reload mid-attempt, submit, review', async ({
  page,
  guard,
}) => {
  void guard;
  test.setTimeout(600_000);
  await signUp(page, 'Mock Exam Student');
  await page.goto('/assessments');
  await page.getByRole('link', { name: 'Mock exam 1' }).click();
  await expect(page.getByText('90 points · 90 minutes')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Start the timed exam' }).click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
  const attemptId = page.url().split('/').at(-1) ?? '';
  await expect(page.getByTestId('time-left')).toHaveText(/^1:(30:00|29:\d\d) left$/);

  const prisma = database();
  let drawn: { questionId: string; seed: number; points: number; zone: string }[];
  try {
    drawn = JSON.parse((await prisma.attempt.findUniqueOrThrow({ where: { id: attemptId } })).questions);
  } finally {
    await prisma.$disconnect();
  }
  expect(drawn.reduce((s, q) => s + q.points, 0)).toBe(90);
  const multipleChoice = drawn.filter((q) => q.zone === 'Multiple choice');
  expect(multipleChoice.reduce((s, q) => s + q.points, 0)).toBe(18);

  // the key of every drawn variant, and the points the automatic grading must give
  const keyed = drawn.map((q) => ({ ...q, parts: keyedVariant(q.questionId, q.seed).parts }));
  const types = new Set(keyed.flatMap((q) => Object.values(q.parts).map((p) => p.type)));
  for (const type of ['multi', 'numeric', 'integer', 'shape', 'text'])
    expect([...types], `the exam draws ${type} parts`).toContain(type);
  const expectedAuto = round2(
    keyed.reduce((sum, q) => {
      const parts = Object.values(q.parts) as KeyedPart[];
      const total = parts.reduce((s, p) => s + p.points, 0);
      const auto = parts.reduce((s, p) => s + p.points - manualPointsOf(p), 0);
      return sum + round2((auto * q.points) / total);
    }, 0),
  );

  await page.waitForLoadState('networkidle');
  const answerQuestion = async (position: number) => {
    const q = keyed[position];
    if (!q) return;
    const section = page.getByTestId(`question-${position}`);
    for (const [partId, part] of Object.entries(q.parts)) await answerWithKey(section, partId, part);
    await expect(page.getByTestId(`save-${position}`)).toContainText('saved', { timeout: 15_000 });
  };
  const half = Math.ceil(keyed.length / 2);
  for (let position = 0; position < half; position++) await answerQuestion(position);

  // a reload in the middle: what was typed is still there, and the clock goes on
  await page.reload();
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('time-left')).toHaveText(/^1:(2\d|30):\d\d left$/);
  const firstNumeric = keyed.findIndex(
    (q, position) => position < half && Object.values(q.parts).some((p) => p.type === 'numeric'),
  );
  if (firstNumeric >= 0) {
    const [partId, part] = Object.entries(keyed[firstNumeric]?.parts ?? {}).find(
      ([, p]) => p.type === 'numeric',
    ) as [string, KeyedPart];
    await expect(
      page.getByTestId(`question-${firstNumeric}`).getByTestId(`answer-${partId}`).getByRole('textbox'),
    ).toHaveValue(String(part.response));
  }
  for (let position = half; position < keyed.length; position++) await answerQuestion(position);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Submit' }).click();
  // the review: the automatic points are all there; free text waits for the staff
  await expect(page.getByTestId('attempt-score')).toHaveText(`${expectedAuto} / 90`, { timeout: 60_000 });
  await expect(page.getByTestId('topic-breakdown')).toBeVisible();
  for (const [position, q] of keyed.entries()) {
    const grade = page.getByTestId(`grade-${position}`);
    await expect(grade).toContainText(`/ ${q.points} points`);
    for (const [partId, part] of Object.entries(q.parts)) {
      const result = page.getByTestId(`question-${position}`).getByTestId(`result-${partId}`);
      await expect(result).toContainText(
        manualPointsOf(part) === part.points
          ? 'graded by the course staff'
          : `${part.points - manualPointsOf(part)} / ${part.points}`,
      );
    }
  }
  await expect(page.getByText('Worked solution').first()).toBeVisible();
});
