/**
 * Grading a stored submission, written once. Both ways of grading use it: the embedded server's
 * in-process queue and `gradlab worker`. Every write is conditional on the row still being
 * pending (`queued` or `running`), so a submission graded twice (a worker that was thought dead
 * finishes after its job was retried elsewhere, a server that resumes what it had queued) keeps
 * the first result and the second grading changes nothing.
 */
import type { PrismaClient } from '@gradlab/prisma';
import type { GradeRequest } from '../grade.ts';
import type { GradeResult } from '../result.ts';

const PENDING = ['queued', 'running'] as const;

export type StoredOutcome =
  /** this grading wrote the submission's result */
  | 'graded'
  /** the submission already had its result (graded by another try): nothing written */
  | 'already-final'
  /** no such submission (deleted with its user) */
  | 'missing';

/**
 * Thrown by a `grade` function that could not grade now (its worker is stopping): nothing is
 * written, and the job is tried again elsewhere.
 */
export class GraderUnavailable extends Error {
  override name = 'GraderUnavailable';
}

/**
 * Grades submission `id` with `grade` and stores the result. A grading that throws stores an
 * `error` result with a message for the learner (the grader's fault, not the program's), unless
 * it threw GraderUnavailable.
 */
export async function gradeStoredSubmission(
  prisma: PrismaClient,
  id: string,
  grade: (request: GradeRequest) => Promise<GradeResult>,
): Promise<{ outcome: StoredOutcome; status?: string }> {
  const submission = await prisma.submission.findUnique({ where: { id } });
  if (!submission) return { outcome: 'missing' };
  if (!(PENDING as readonly string[]).includes(submission.status))
    return { outcome: 'already-final', status: submission.status };
  await prisma.submission.updateMany({
    where: { id, status: { in: [...PENDING] } },
    data: { status: 'running', startedAt: new Date() },
  });
  let data: {
    status: GradeResult['status'] | 'error';
    score?: number;
    maxScore?: number;
    result: object;
  };
  try {
    const result = await grade({
      exerciseId: submission.exerciseId,
      code: submission.code,
      language: submission.language === 'js' ? 'js' : 'ts',
    });
    data = {
      status: result.status,
      score: result.score,
      maxScore: result.maxScore,
      result: JSON.parse(JSON.stringify(result)),
    };
  } catch (error) {
    if (error instanceof GraderUnavailable) throw error;
    console.error(`grading submission ${id} failed`, error);
    data = {
      status: 'error',
      result: { message: 'the grader failed on this submission; please submit again' },
    };
  }
  const written = await prisma.submission.updateMany({
    where: { id, status: { in: [...PENDING] } },
    data: { ...data, finishedAt: new Date() },
  });
  return written.count === 1 ? { outcome: 'graded', status: data.status } : { outcome: 'already-final' };
}

/**
 * Gives a pending submission up: `error`, with `message` for the learner. Used for a submission
 * whose every grading try stopped its worker. Conditional like every write here.
 */
export async function markUngradable(prisma: PrismaClient, id: string, message: string): Promise<boolean> {
  const written = await prisma.submission.updateMany({
    where: { id, status: { in: [...PENDING] } },
    data: { status: 'error', result: { message }, finishedAt: new Date() },
  });
  return written.count === 1;
}
