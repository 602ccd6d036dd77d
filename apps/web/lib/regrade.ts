import 'server-only';
import { audit } from '@gradlab/prisma';
import { db } from './db.ts';
import { gradeNow } from './grading.ts';

export interface RegradeChange {
  submissionId: string;
  name: string;
  email: string;
  from: number | null;
  to: number;
  /** tests whose verdict flipped, by name ("+" now passes, "-" now fails) */
  flipped: string[];
}

export interface RegradeSummary {
  exerciseId: string;
  regraded: number;
  /** submissions still waiting for their first grading, left to the queue */
  skipped: number;
  up: number;
  down: number;
  unchanged: number;
  changes: RegradeChange[];
  maxScoreFrom: number | null;
  maxScoreTo: number | null;
}

type StoredTest = { name?: unknown; passed?: unknown };
const verdicts = (result: unknown): Map<string, boolean> =>
  new Map(
    (((result as { tests?: StoredTest[] } | null)?.tests ?? []) as StoredTest[]).map((t) => [
      String(t.name),
      t.passed === true,
    ]),
  );

/**
 * Grades every submission of an exercise by a class's students again, with the exercise as it
 * is now (after its spec changed), stores the new results, and says what changed: scores up
 * and down, per submission with the tests whose verdict flipped. Recorded in the audit log.
 */
export async function regradeExercise(
  classId: string,
  exerciseId: string,
  actorId: string,
): Promise<RegradeSummary> {
  const students = await db().enrollment.findMany({
    where: { classId, role: 'student' },
    select: { userId: true },
  });
  const submissions = await db().submission.findMany({
    where: { exerciseId, userId: { in: students.map((s) => s.userId) } },
    include: { user: { select: { name: true, email: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const summary: RegradeSummary = {
    exerciseId,
    regraded: 0,
    skipped: 0,
    up: 0,
    down: 0,
    unchanged: 0,
    changes: [],
    maxScoreFrom: submissions.find((s) => s.maxScore !== null)?.maxScore ?? null,
    maxScoreTo: null,
  };
  const pending = submissions.filter((s) => s.status === 'queued' || s.status === 'running');
  summary.skipped = pending.length;
  const done = submissions.filter((s) => !pending.includes(s));
  // the grading pool runs them side by side, as many as it has processes
  const results = await Promise.all(
    done.map((s) => gradeNow({ exerciseId, code: s.code, language: s.language === 'js' ? 'js' : 'ts' })),
  );
  for (const [i, submission] of done.entries()) {
    const result = results[i];
    if (!result) continue;
    await db().submission.update({
      where: { id: submission.id },
      data: {
        status: result.status,
        score: result.score,
        maxScore: result.maxScore,
        result: JSON.parse(JSON.stringify(result)),
        finishedAt: new Date(),
      },
    });
    summary.regraded += 1;
    summary.maxScoreTo = result.maxScore;
    if (submission.score === result.score) {
      summary.unchanged += 1;
      continue;
    }
    if ((submission.score ?? 0) < result.score) summary.up += 1;
    else summary.down += 1;
    const before = verdicts(submission.result);
    const flipped = result.tests
      .filter((t) => (before.has(t.name) ? before.get(t.name) !== t.passed : true))
      .map((t) => `${t.passed ? '+' : '-'} ${t.name}`);
    summary.changes.push({
      submissionId: submission.id,
      name: submission.user.name,
      email: submission.user.email,
      from: submission.score,
      to: result.score,
      flipped,
    });
  }
  await audit(db(), {
    classId,
    actorId,
    action: 'exercise.regrade',
    detail: {
      exerciseId,
      regraded: summary.regraded,
      up: summary.up,
      down: summary.down,
      unchanged: summary.unchanged,
      changes: summary.changes
        .slice(0, 50)
        .map((c) => ({ submissionId: c.submissionId, from: c.from, to: c.to })),
    },
  });
  return summary;
}
