import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { ResultView } from '../../../components/exercise/result-view.tsx';
import { SubmissionLive } from '../../../components/exercise/submission-live.tsx';
import { LocalTime } from '../../../components/local-time.tsx';
import { db } from '../../../lib/db.ts';
import { findExercise } from '../../../lib/exercises.ts';
import { requireUser } from '../../../lib/session.ts';
import { studentView, visibleSubmission } from '../../../lib/submissions.ts';

export const metadata: Metadata = { title: 'Submission' };

export default async function SubmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/submissions/${id}`);
  const submission = await visibleSubmission(db(), user, id);
  // Another student's submission is "not found", exactly like one that does not exist.
  if (!submission) notFound();
  // Instructors read others' submissions, with the full result, on the instructor page.
  if (submission.userId !== user.id) redirect(`/instructor/submissions/${id}`);
  const view = studentView(submission);
  const exercise = findExercise(submission.exerciseId);
  return (
    <>
      <p className="muted">
        <Link href="/">Course</Link> / <Link href="/submissions">Your submissions</Link> /{' '}
        <Link href={`/exercises/${submission.exerciseId}`}>{exercise?.title ?? 'Exercise'}</Link> / Submission
      </p>
      <h1>
        {exercise?.title ?? 'Exercise'}: submission of <LocalTime iso={view.createdAt} />
      </h1>
      <SubmissionLive id={view.id} status={view.status} />
      <p>
        <Link className="button secondary" href={`/exercises/${submission.exerciseId}?from=${view.id}`}>
          Open this code in the editor
        </Link>{' '}
        · <Link href="/submissions">All your submissions</Link>
      </p>
      {view.result ? <ResultView result={view.result} title="Result" testId="submission-result" /> : null}
      <h2>Code</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling code block must be reachable by keyboard */}
      <pre className="code" data-testid="submission-code" tabIndex={0}>
        {view.code}
      </pre>
    </>
  );
}
