import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { ResultView } from '../../../../components/exercise/result-view.tsx';
import { CodeBlock } from '../../../../components/instructor/code-block.tsx';
import { LocalTime } from '../../../../components/local-time.tsx';
import { isStaffOf } from '../../../../lib/classes.ts';
import { db } from '../../../../lib/db.ts';
import { findExercise } from '../../../../lib/exercises.ts';
import { fullResult } from '../../../../lib/result-view.ts';
import { requireUser } from '../../../../lib/session.ts';
import { statusText } from '../../../../lib/status-text.ts';

export const metadata: Metadata = { title: 'Submission' };

export default async function InstructorSubmission({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // site instructors, and the TAs and instructors of the learner's classes
  const viewer = await requireUser(`/instructor/submissions/${id}`);
  const submission = await db().submission.findUnique({
    where: { id },
    include: { user: { select: { name: true, email: true } } },
  });
  if (!submission) notFound();
  if (!(await isStaffOf(viewer, submission.userId))) redirect('/forbidden');
  const result = fullResult(submission.result);
  const exerciseTitle = findExercise(submission.exerciseId)?.title ?? submission.exerciseId;
  const failure = (submission.result as { message?: unknown } | null)?.message;
  return (
    <>
      <p className="muted">
        <Link href="/instructor">Instructor</Link> / <Link href="/instructor/submissions">Submissions</Link> /{' '}
        {submission.user.name}, {exerciseTitle}
      </p>
      <h1>
        {submission.user.name}: {exerciseTitle}
      </h1>
      <p>
        {submission.user.email} · submitted <LocalTime iso={submission.createdAt.toISOString()} /> · status{' '}
        <strong data-testid="submission-status">{statusText(submission.status)}</strong>
        {submission.score === null ? '' : ` · score ${submission.score} / ${submission.maxScore ?? '?'}`}
      </p>
      {result ? <ResultView result={result} title="Result (all tests)" testId="instructor-result" /> : null}
      {!result && typeof failure === 'string' ? <p className="error-text">{failure}</p> : null}
      <CodeBlock label={`Code (${submission.language})`} code={submission.code} />
    </>
  );
}
