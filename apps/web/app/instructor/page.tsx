import { listAssessments, listLectures } from '@gradlab/content';
import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '../../components/instructor/data-table.tsx';
import { ResetLinkForm } from '../../components/instructor/reset-link-form.tsx';
import { db } from '../../lib/db.ts';
import { catalogue } from '../../lib/exercises.ts';
import { gradingOverview } from '../../lib/grading.ts';
import { requireInstructor } from '../../lib/session.ts';

export const metadata: Metadata = { title: 'Instructor' };

export default async function InstructorHome() {
  await requireInstructor('/instructor');
  const exercises = catalogue();
  const counts = await db().submission.groupBy({ by: ['exerciseId'], _count: { _all: true } });
  const countOf = new Map(counts.map((c) => [c.exerciseId, c._count._all]));
  const lectureTitle = new Map(listLectures().map((l) => [l.slug, l.title]));
  const grading = await gradingOverview().catch((error: unknown) => error as Error);
  return (
    <>
      <h1>Instructor</h1>
      <p>
        <Link href="/instructor/submissions">All submissions and statistics</Link> ·{' '}
        <Link href="/classes">Classes: rosters, gradebooks and exports</Link>
      </p>
      <h2>Grading</h2>
      <GradingStatus grading={grading} />
      <h2>Assessments</h2>
      <ul>
        {listAssessments().map((a) => (
          <li key={a.id}>
            <Link href={`/instructor/assessments/${a.id}`}>{a.title}</Link>: results, item statistics, manual
            grading
          </li>
        ))}
      </ul>
      <h2>Exercises</h2>
      <DataTable
        columns={[
          { label: 'Exercise' },
          { label: 'Topic' },
          { label: 'Lecture' },
          { label: 'Points', numeric: true },
          { label: 'Submissions', numeric: true },
        ]}
      >
        {exercises.map((e) => (
          <tr key={e.id}>
            <td>
              <Link href={`/instructor/exercises/${e.id}`}>{e.title}</Link>
            </td>
            <td>{e.topic}</td>
            <td>
              <Link href={`/lectures/${e.lecture}`}>{lectureTitle.get(e.lecture) ?? e.lecture}</Link>
            </td>
            <td className="num">{e.points}</td>
            <td className="num">
              <Link href={`/instructor/submissions?exercise=${e.id}`}>{countOf.get(e.id) ?? 0}</Link>
            </td>
          </tr>
        ))}
      </DataTable>
      <h2>Password reset</h2>
      <p className="muted">
        A student who forgot their password gets a one-time link from you (there is no mail server).
      </p>
      <ResetLinkForm />
    </>
  );
}

/** Where gradings stand: waiting and running submissions; with the queue, its workers. */
function GradingStatus({ grading }: { grading: Awaited<ReturnType<typeof gradingOverview>> | Error }) {
  if (grading instanceof Error)
    return <p role="alert">The grading status is unavailable: {grading.message}</p>;
  const { submissions, queue } = grading;
  return (
    <>
      <p data-testid="grading-status">
        {submissions.queued} submission(s) waiting, {submissions.running} being graded ·{' '}
        {queue
          ? `queue: ${queue.queued} job(s) waiting, ${queue.active} running, ${queue.failed} failed · ${queue.workers.length} worker(s) live`
          : `graded in this server by ${grading.processes} grading process(es)`}
      </p>
      {queue && queue.workers.length > 0 && (
        <DataTable
          columns={[
            { label: 'Worker' },
            { label: 'Started' },
            { label: 'Last heartbeat' },
            { label: 'Grading now', numeric: true },
          ]}
        >
          {queue.workers.map((w) => (
            <tr key={`${w.host}:${w.pid}`}>
              <td>
                {w.host}:{w.pid}
              </td>
              <td>{w.startedOn.toISOString().replace('T', ' ').slice(0, 19)}</td>
              <td>{w.heartbeatOn.toISOString().replace('T', ' ').slice(0, 19)}</td>
              <td className="num">{w.active}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {queue && queue.workers.length === 0 && (
        <p role="alert">
          No grading worker is running: submissions wait until one starts (npx gradlab worker).
        </p>
      )}
    </>
  );
}
