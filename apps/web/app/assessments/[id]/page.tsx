import { compileMdx, readAssessment } from '@gradlab/content';
import { getMDXComponent } from 'mdx-bundler/client';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StartAttemptButtons } from '../../../components/assessments/start-attempt.tsx';
import { DataTable } from '../../../components/instructor/data-table.tsx';
import { Span } from '../../../components/lecture/span.tsx';
import { HttpError } from '../../../lib/api.ts';
import { assessmentAccess, resultsReleased } from '../../../lib/attempts.ts';
import { db } from '../../../lib/db.ts';
import { homeworkExercises } from '../../../lib/homework.ts';
import { afterPenalty, cannotStart, latePolicyText } from '../../../lib/schedule-rules.ts';
import { requireUser } from '../../../lib/session.ts';

export const metadata: Metadata = { title: 'Assessment' };

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * An assessment's page: its instructions, the student's attempts, and the buttons that start
 * one. `?class=<id>` shows it as the class scheduled it (its dates, the student's window with
 * their accommodation, the late policy); a class-only assessment exists only that way.
 */
export default async function AssessmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ class?: string }>;
}) {
  const { id } = await params;
  const classId = (await searchParams).class ?? null;
  const user = await requireUser(
    `/assessments/${id}${classId ? `?class=${encodeURIComponent(classId)}` : ''}`,
  );
  let read: ReturnType<typeof readAssessment>;
  try {
    read = readAssessment(id);
  } catch {
    notFound();
  }
  const { meta, instructions, file } = read;
  let inClass: Awaited<ReturnType<typeof assessmentAccess>>;
  try {
    inClass = await assessmentAccess(user.id, meta, classId);
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  }
  const courseClass = inClass
    ? await db().courseClass.findUnique({ where: { id: inClass.classId }, select: { name: true } })
    : null;
  const Instructions = getMDXComponent(await compileMdx(instructions, file));
  const attempts = await db().attempt.findMany({
    where: { userId: user.id, assessmentId: id, classId },
    orderBy: { startedAt: 'desc' },
  });
  const now = new Date();
  const graded = attempts.filter((a) => a.mode === 'timed');
  const openTimed = graded.find((a) => a.status === 'open');
  const closedReason = inClass ? cannotStart(inClass.window, now) : null;
  const released = resultsReleased(inClass?.feedback ?? meta.feedback, inClass, now);
  const homework = meta.kind === 'homework';
  const exercises = homework && inClass ? await homeworkExercises(user.id, meta, inClass) : [];
  const practiceAllowed =
    meta.practice &&
    meta.zones.length > 0 &&
    (!inClass ||
      meta.kind === 'homework' ||
      (inClass.window.cutoffAt !== null && now >= inClass.window.cutoffAt));
  return (
    <>
      <p className="muted">
        {inClass && courseClass ? (
          <>
            <Link href={`/classes/${inClass.classId}`}>{courseClass.name}</Link> / {meta.title}
          </>
        ) : (
          <>
            <Link href="/assessments">Mock exams</Link> / {meta.title}
          </>
        )}
      </p>
      <h1>{meta.title}</h1>
      <p>
        {homework ? 'Homework' : 'Exam'} · {meta.points} points
        {meta.timeLimitMinutes && !homework
          ? ` · ${Math.round(meta.timeLimitMinutes * (inClass?.window.timeFactor ?? 1) + (inClass?.window.extraMinutes ?? 0))} minutes`
          : ''}
        {meta.attempts !== null
          ? ` · ${graded.length} of ${meta.attempts} attempt${meta.attempts === 1 ? '' : 's'} used`
          : ''}
      </p>
      {inClass ? (
        <dl className="facts" data-testid="schedule">
          {inClass.window.opensAt ? (
            <>
              <dt>Opens</dt>
              <dd>{when(inClass.window.opensAt)}</dd>
            </>
          ) : null}
          {inClass.window.dueAt ? (
            <>
              <dt>{homework ? 'Due' : 'Closes'}</dt>
              <dd>
                {when(inClass.window.dueAt)}
                {inClass.entry.closesAt && inClass.window.dueAt.getTime() !== inClass.entry.closesAt.getTime()
                  ? ' (your personal date)'
                  : ''}
              </dd>
            </>
          ) : null}
          {homework ? (
            <>
              <dt>Late work</dt>
              <dd>{latePolicyText(inClass.entry)}</dd>
            </>
          ) : null}
          {inClass.window.timeFactor !== 1 || inClass.window.extraMinutes !== 0 ? (
            <>
              <dt>Your extra time</dt>
              <dd>
                {inClass.window.timeFactor !== 1 ? `× ${inClass.window.timeFactor}` : ''}
                {inClass.window.extraMinutes !== 0 ? ` + ${inClass.window.extraMinutes} min` : ''}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <article className="statement lecture">
        <Instructions components={{ span: Span }} />
      </article>
      {exercises.length > 0 ? (
        <>
          <h2>Exercises</h2>
          <DataTable
            columns={[{ label: 'Exercise' }, { label: 'Status' }, { label: 'Score', numeric: true }]}
            testId="homework-exercises"
            label="Exercises of this homework"
          >
            {exercises.map((e) => (
              <tr key={e.id}>
                <td>
                  <Link href={`/exercises/${e.id}`}>{e.title}</Link>
                </td>
                <td>{e.status}</td>
                <td className="num">{e.score === null ? '–' : `${e.score} / ${e.points}`}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
      {openTimed ? (
        <p>
          <Link className="button" href={`/attempts/${openTimed.id}`}>
            {homework ? 'Continue the homework' : 'Resume the timed exam'}
          </Link>
        </p>
      ) : null}
      {closedReason ? (
        <p className="muted" data-testid="closed-reason">
          You cannot start now: {closedReason}.
        </p>
      ) : null}
      {meta.zones.length > 0 && !closedReason ? (
        <StartAttemptButtons
          assessmentId={id}
          classId={inClass?.classId ?? null}
          timedLeft={openTimed ? 0 : meta.attempts === null ? null : meta.attempts - graded.length}
          practice={practiceAllowed}
          startLabel={homework ? 'Start the questions' : 'Start the timed exam'}
        />
      ) : null}
      {attempts.length > 0 ? (
        <>
          <h2>Your attempts</h2>
          <DataTable
            columns={[
              { label: 'Started (UTC)', nowrap: true },
              { label: 'Mode' },
              { label: 'Status' },
              { label: 'Score', numeric: true },
            ]}
            testId="my-attempts"
            label="Your attempts"
          >
            {attempts.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/attempts/${a.id}`}>
                    {a.startedAt.toISOString().slice(0, 16).replace('T', ' ')}
                  </Link>
                </td>
                <td>{a.mode === 'practice' ? 'practice' : homework ? 'graded' : 'timed'}</td>
                <td>
                  {a.status === 'open'
                    ? 'in progress'
                    : a.submittedBy === 'server'
                      ? 'submitted at the deadline'
                      : 'submitted'}
                  {a.latePenalty ? ` · late (−${Math.round(a.latePenalty * 100)}%)` : ''}
                </td>
                <td className="num">
                  {a.status === 'submitted' && released && a.score !== null
                    ? `${afterPenalty(a.score, a.latePenalty ?? 0)} / ${a.maxScore}`
                    : '–'}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </>
  );
}
