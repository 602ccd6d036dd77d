import type { Metadata } from 'next';
import Link from 'next/link';
import { GradeCell } from '../../../../components/classes/grade-cell.tsx';
import { OverrideForm } from '../../../../components/classes/override-form.tsx';
import { RegradeForm } from '../../../../components/classes/regrade-form.tsx';
import { DataTable } from '../../../../components/instructor/data-table.tsx';
import { requireClassPage } from '../../../../lib/classes.ts';
import { db } from '../../../../lib/db.ts';
import { loadGradebook } from '../../../../lib/instructor-data.ts';

export const metadata: Metadata = { title: 'Gradebook' };

export default async function ClassGradebookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { courseClass, role } = await requireClassPage(id, 'ta', `/classes/${id}/gradebook`);
  const { rows, columns } = await loadGradebook(db(), id);
  const maxTotal = columns.reduce((sum, c) => sum + c.points, 0);
  const exportUrl = (format: string) => `/api/classes/${id}/export?format=${format}`;
  return (
    <>
      <p className="muted">
        <Link href="/classes">Your classes</Link> / <Link href={`/classes/${id}`}>{courseClass.name}</Link> /
        Gradebook
      </p>
      <h1>Gradebook: {courseClass.name}</h1>
      <p>
        Effective grade per student and exercise: the best submission, unless the staff set an override
        (marked *, the computed score and the reason in its tooltip). An exercise that is part of a homework
        is scored as the homework counts it (its points, its late policy); the homework's own column holds its
        questions.
      </p>
      <p className="filters">
        <a className="button" href={exportUrl('csv')} download>
          Download CSV
        </a>
        <a className="button" href={exportUrl('canvas')} download>
          Canvas / Moodle CSV
        </a>
        <a className="button" href={exportUrl('gradescope')} download>
          Gradescope scores CSV
        </a>
      </p>
      <DataTable
        columns={[
          { label: 'Student' },
          ...columns.map((c) => ({ label: c.title, numeric: true, key: c.id })),
          { label: 'Total', numeric: true },
        ]}
        testId="gradebook"
        label="Gradebook: effective grade per student and exercise"
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
          <tr key={row.userId} data-email={row.email}>
            <th scope="row">
              {row.name} <span className="muted">{row.email}</span>
            </th>
            {columns.map((c) => (
              <td key={c.id} className="num" data-exercise={c.id}>
                {row.cells[c.id] ? (
                  <GradeCell cell={row.cells[c.id] as NonNullable<(typeof row.cells)[string]>} />
                ) : (
                  '–'
                )}
              </td>
            ))}
            <td className="num">{Number.isInteger(row.total) ? row.total : row.total.toFixed(2)}</td>
          </tr>
        ))}
      </DataTable>
      <h2>Override a grade or give an extension</h2>
      {rows.length === 0 ? (
        <p className="muted">No students in this class yet.</p>
      ) : (
        <OverrideForm
          classId={id}
          students={rows.map((r) => ({ id: r.userId, label: `${r.name} (${r.email})` }))}
          exercises={columns.map((c) => ({ id: c.id, label: c.title, points: c.points }))}
        />
      )}
      <h2>Similarity</h2>
      <p>
        <Link href={`/classes/${id}/similarity`}>Similarity report</Link>: pairs of final submissions whose
        code is alike, side by side.
      </p>
      {role === 'instructor' ? (
        <>
          <h2>Regrade</h2>
          <p className="muted">
            After an exercise's spec changed: grade every submission of the class's students again and see
            what changed. Overrides stay as they are.
          </p>
          <RegradeForm classId={id} exercises={columns.map((c) => ({ id: c.id, label: c.title }))} />
        </>
      ) : null}
    </>
  );
}
