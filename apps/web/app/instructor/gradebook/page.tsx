import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '../../../components/instructor/data-table.tsx';
import { db } from '../../../lib/db.ts';
import { loadGradebook } from '../../../lib/instructor-data.ts';
import { requireInstructor } from '../../../lib/session.ts';

export const metadata: Metadata = { title: 'Gradebook' };

export default async function GradebookPage() {
  await requireInstructor('/instructor/gradebook');
  const { rows, exerciseIds } = await loadGradebook(db());
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
          ...exerciseIds.map((id) => ({ label: id, numeric: true, key: id })),
          { label: 'Total', numeric: true },
        ]}
        testId="gradebook"
      >
        {rows.map((row) => (
          <tr key={row.userId}>
            <th scope="row">
              {row.name} <span className="muted">{row.email}</span>
            </th>
            {exerciseIds.map((id) => (
              <td key={id} className="num">
                {row.best[id] ?? '–'}
              </td>
            ))}
            <td className="num">{row.total}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
