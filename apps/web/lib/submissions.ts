import 'server-only';
import type { PrismaClient, Submission } from '@gradlab/prisma';
import { fullResult, type StudentResult, studentResult } from './result-view.ts';
import type { SessionUser } from './session.ts';

export interface SubmissionSummary {
  id: string;
  exerciseId: string;
  status: string;
  score: number | null;
  maxScore: number | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface SubmissionView extends SubmissionSummary {
  language: string;
  code: string;
  result: StudentResult | null;
}

export function summary(s: Submission): SubmissionSummary {
  return {
    id: s.id,
    exerciseId: s.exerciseId,
    status: s.status,
    score: s.score,
    maxScore: s.maxScore,
    createdAt: s.createdAt.toISOString(),
    finishedAt: s.finishedAt?.toISOString() ?? null,
  };
}

/** A student's view of their own submission (hidden tests reduced to pass/fail). */
export function studentView(s: Submission): SubmissionView {
  return { ...summary(s), language: s.language, code: s.code, result: studentResult(s.result) };
}

/**
 * The submission if `user` may see it: its author, or any instructor. Anything else is
 * reported as "not found" (no hint that the id exists).
 */
export async function visibleSubmission(
  prisma: PrismaClient,
  user: SessionUser,
  id: string,
): Promise<Submission | null> {
  const submission = await prisma.submission.findUnique({ where: { id } });
  if (!submission) return null;
  if (submission.userId !== user.id && user.role !== 'instructor') return null;
  return submission;
}

export { fullResult };
