import { listExercises } from '@gradlab/content';
import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '../../../components/instructor/data-table.tsx';
import { LocalTime } from '../../../components/local-time.tsx';
import { db } from '../../../lib/db.ts';
import { findSubmissions, submissionStats, submissionStatuses } from '../../../lib/instructor-data.ts';
import { requireInstructor } from '../../../lib/session.ts';
import { statusLabel } from '../../../lib/status-text.ts';

export const metadata: Metadata = { title: 'Submissions' };

type Search = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((100 * part) / whole)} %`;
}

export default async function InstructorSubmissions({ searchParams }: { searchParams: Promise<Search> }) {
  await requireInstructor('/instructor/submissions');
  const q = await searchParams;
  const filter = {
    student: one(q.student),
    exercise: one(q.exercise),
    status: one(q.status),
    from: one(q.from),
    to: one(q.to),
  };
  const rows = await findSubmissions(db(), filter);
  const stats = submissionStats(rows);
  const exercises = listExercises();
  const titleOf = (id: string) => exercises.find((e) => e.id === id)?.title ?? id;
  return (
    <>
      <p className="muted">
        <Link href="/instructor">Instructor</Link> / Submissions
      </p>
      <h1>Submissions</h1>
      <form className="filters" method="get" aria-label="Filter submissions">
        <label>
          Student (name or email)
          <input name="student" defaultValue={filter.student} />
        </label>
        <label>
          Exercise
          <select name="exercise" defaultValue={filter.exercise}>
            <option value="">all</option>
            {exercises.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select name="status" defaultValue={filter.status}>
            <option value="">all</option>
            {submissionStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" name="from" defaultValue={filter.from} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={filter.to} />
        </label>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <p className="muted">
        {rows.length} submission(s){rows.length === 500 ? ' (the newest 500)' : ''}
      </p>
      <DataTable
        columns={[
          { label: 'When' },
          { label: 'Student' },
          { label: 'Exercise' },
          { label: 'Status', nowrap: true },
          { label: 'Score', numeric: true },
        ]}
        testId="submissions-table"
      >
        {rows.map((s) => (
          <tr key={s.id}>
            <td>
              <Link href={`/instructor/submissions/${s.id}`}>
                <LocalTime iso={s.createdAt.toISOString()} />
              </Link>
            </td>
            <td>
              {s.user.name} <span className="muted">{s.user.email}</span>
            </td>
            <td>{titleOf(s.exerciseId)}</td>
            <td className="keep">{statusLabel(s.status)}</td>
            <td className="num">{s.score === null ? '' : `${s.score} / ${s.maxScore ?? '?'}`}</td>
          </tr>
        ))}
      </DataTable>
      <h2>Failure rate per test</h2>
      <DataTable
        columns={[
          { label: 'Exercise' },
          { label: 'Test' },
          { label: 'Visibility' },
          { label: 'Failed', numeric: true },
          { label: 'Failure rate', numeric: true },
        ]}
        testId="test-stats"
      >
        {stats.tests.map((t) => (
          <tr key={`${t.exerciseId}:${t.test}`}>
            <td>{titleOf(t.exerciseId)}</td>
            <td>{t.test}</td>
            <td>{t.visibility}</td>
            <td className="num">
              {t.failures} of {t.runs}
            </td>
            <td className="num">{percent(t.failures, t.runs)}</td>
          </tr>
        ))}
      </DataTable>
      <h2>Known mistakes detected</h2>
      {stats.hints.length === 0 ? (
        <p className="muted">No known-mistake hint fired in these submissions.</p>
      ) : (
        <DataTable
          columns={[{ label: 'Exercise' }, { label: 'Hint' }, { label: 'Submissions', numeric: true }]}
          testId="hint-stats"
        >
          {stats.hints.map((h) => (
            <tr key={`${h.exerciseId}:${h.hint}`}>
              <td>{titleOf(h.exerciseId)}</td>
              <td>{h.hint}</td>
              <td className="num">{h.count}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
