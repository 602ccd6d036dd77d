import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '../../../components/instructor/data-table.tsx';
import { db } from '../../../lib/db.ts';
import { loadGradebook } from '../../../lib/instructor-data.ts';
import { requireInstructor } from '../../../lib/session.ts';

export const metadata: Metadata = { title: 'Gradebook' };

export default async function GradebookPage() {
  await requireInstructor('/instructor/gradebook');
  const { rows, columns } = await loadGradebook(db());
  const maxTotal = columns.reduce((sum, c) => sum + c.points, 0);
  return (
    <>
      <p className="muted">
        <Link href="/instructor">Instructor</Link> / Gradebook
      </p>
      <h1>Gradebook</h1>
      <p>
        Best score per student and exercise.{' '}
        <a className="button" href="/api/instructor/gradebook" download>
          Download CSV
        </a>
      </p>
      <DataTable
        columns={[
          { label: 'Student' },
          ...columns.map((c) => ({ label: c.title, numeric: true, key: c.id })),
          { label: 'Total', numeric: true },
        ]}
        testId="gradebook"
        label="Gradebook: best score per student and exercise"
        pinEnds
      >
        <tr>
          <th scope="row">Max points</th>
          {columns.map((c) => (
            <td key={c.id} className="num">
              {c.points}
            </td>
          ))}
          <td className="num">{maxTotal}</td>
        </tr>
        {rows.map((row) => (
          <tr key={row.userId}>
            <th scope="row">
              {row.name} <span className="muted">{row.email}</span>
            </th>
            {columns.map((c) => (
              <td key={c.id} className="num">
                {row.best[c.id] ?? '–'}
              </td>
            ))}
            <td className="num">{row.total}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
