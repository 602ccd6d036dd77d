import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '../../components/instructor/data-table.tsx';
import { LocalTime } from '../../components/local-time.tsx';
import { db } from '../../lib/db.ts';
import { findExercise } from '../../lib/exercises.ts';
import { requireUser } from '../../lib/session.ts';
import { statusLabel } from '../../lib/status-text.ts';

export const metadata: Metadata = { title: 'Your submissions' };

/** Every submission of the signed-in learner, newest first, with a way back into the editor. */
export default async function MySubmissionsPage() {
  const user = await requireUser('/submissions');
  const rows = await db().submission.findMany({
    where: { userId: user.id },
    orderBy: { createdAt: 'desc' },
    take: 500,
  });
  return (
    <>
      <p className="muted">
        <Link href="/">Course</Link> / Your submissions
      </p>
      <h1>Your submissions</h1>
      {rows.length === 0 ? (
        <p>
          None yet. Open an exercise from the <Link href="/">course</Link> and press Submit.
        </p>
      ) : (
        <DataTable
          columns={[
            { label: 'When' },
            { label: 'Exercise' },
            { label: 'Status', nowrap: true },
            { label: 'Score', numeric: true },
            { label: 'Code' },
          ]}
          testId="my-submissions"
        >
          {rows.map((s) => (
            <tr key={s.id}>
              <td>
                <Link href={`/submissions/${s.id}`}>
                  <LocalTime iso={s.createdAt.toISOString()} />
                </Link>
              </td>
              <td>{findExercise(s.exerciseId)?.title ?? 'Exercise no longer in the course'}</td>
              <td className="keep">{statusLabel(s.status)}</td>
              <td className="num">{s.score === null ? '' : `${s.score} / ${s.maxScore ?? '?'}`}</td>
              <td>
                {findExercise(s.exerciseId) ? (
                  <Link href={`/exercises/${s.exerciseId}?from=${s.id}`}>Open in the editor</Link>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
