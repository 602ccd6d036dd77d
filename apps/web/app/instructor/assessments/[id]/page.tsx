import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ManualGradeForm } from '../../../../components/assessments/manual-grade-form.tsx';
import { DataTable } from '../../../../components/instructor/data-table.tsx';
import { assessmentResults, itemStatistics, manualQueue } from '../../../../lib/assessment-results.ts';
import { loadAssessment } from '../../../../lib/attempts.ts';
import { requireInstructor } from '../../../../lib/session.ts';

export const metadata: Metadata = { title: 'Assessment results' };

export default async function AssessmentResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireInstructor(`/instructor/assessments/${id}`);
  let meta: ReturnType<typeof loadAssessment>;
  try {
    meta = loadAssessment(id);
  } catch {
    notFound();
  }
  const rows = await assessmentResults(id);
  const items = itemStatistics(rows);
  const queue = await manualQueue(id);
  return (
    <>
      <p className="muted">
        <Link href="/instructor">Instructor</Link> / {meta.title}
      </p>
      <h1>Results: {meta.title}</h1>
      <p>
        {rows.length} submitted timed attempt{rows.length === 1 ? '' : 's'} ·{' '}
        <a className="button" href={`/api/instructor/assessments/${id}/export`} download>
          Download CSV
        </a>
      </p>
      <DataTable
        columns={[
          { label: 'Student' },
          { label: 'Submitted (UTC)', nowrap: true },
          { label: 'Score', numeric: true },
          { label: 'Manual pending', numeric: true },
        ]}
        testId="assessment-results"
        label="Results"
      >
        {rows.map((r) => (
          <tr key={r.attemptId}>
            <td>
              {r.name} <span className="muted">{r.email}</span>
            </td>
            <td>
              {r.submittedAt?.toISOString().slice(0, 16).replace('T', ' ')}
              {r.submittedBy === 'server' ? ' (at the deadline)' : ''}
            </td>
            <td className="num">
              {r.score} / {r.maxScore}
            </td>
            <td className="num">{r.pending || ''}</td>
          </tr>
        ))}
      </DataTable>
      <h2>Item statistics</h2>
      <p className="muted">
        Per question: attempts that drew it, mean and standard deviation of its points, share with full
        credit, and discrimination (the correlation of its score with the rest of the exam; low or negative
        values flag a question to review).
      </p>
      <DataTable
        columns={[
          { label: 'Question' },
          { label: 'n', numeric: true },
          { label: 'Mean', numeric: true },
          { label: 'SD', numeric: true },
          { label: 'Full credit', numeric: true },
          { label: 'Discrimination', numeric: true },
        ]}
        testId="item-statistics"
        label="Item statistics"
      >
        {items.map((item) => (
          <tr key={item.questionId}>
            <td>{item.questionId}</td>
            <td className="num">{item.n}</td>
            <td className="num">
              {item.mean} / {item.points}
            </td>
            <td className="num">{item.sd}</td>
            <td className="num">{Math.round(item.fullCredit * 100)}%</td>
            <td className="num">{item.discrimination ?? '–'}</td>
          </tr>
        ))}
      </DataTable>
      <h2>Manual grading ({queue.length} waiting)</h2>
      {queue.map((entry) => (
        <section
          key={`${entry.attemptId}-${entry.position}-${entry.part}`}
          className="attempt-question"
          data-testid="manual-entry"
        >
          <h3>
            {entry.questionTitle}, part {entry.part} · {entry.name} ({entry.email})
          </h3>
          {entry.firstItems ? (
            <p className="muted">Only the first {entry.firstItems} item(s) the student gives count.</p>
          ) : null}
          <blockquote data-testid="manual-answer">{entry.answer || <em>no answer</em>}</blockquote>
          <ManualGradeForm
            assessmentId={id}
            attemptId={entry.attemptId}
            position={entry.position}
            part={entry.part}
            rubric={entry.rubric}
            maxPoints={entry.maxPoints}
          />
        </section>
      ))}
    </>
  );
}
