import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ManualGradeForm } from '../../../../components/assessments/manual-grade-form.tsx';
import { DataTable } from '../../../../components/instructor/data-table.tsx';
import {
  assessmentResults,
  itemStatistics,
  manualQueue,
  variantStatistics,
} from '../../../../lib/assessment-results.ts';
import { loadAssessment } from '../../../../lib/attempts.ts';
import { requireClassPage } from '../../../../lib/classes.ts';
import { requireInstructor } from '../../../../lib/session.ts';

export const metadata: Metadata = { title: 'Assessment results' };

/**
 * An assessment's results for staff: a site instructor sees every attempt; with `?class=<id>`,
 * the class's TAs and instructors see the attempts made for that class.
 */
export default async function AssessmentResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ class?: string }>;
}) {
  const { id } = await params;
  const classId = (await searchParams).class;
  const returnTo = `/instructor/assessments/${id}${classId ? `?class=${encodeURIComponent(classId)}` : ''}`;
  let courseClass: { id: string; name: string } | null = null;
  if (classId) courseClass = (await requireClassPage(classId, 'ta', returnTo)).courseClass;
  else await requireInstructor(returnTo);
  let meta: ReturnType<typeof loadAssessment>;
  try {
    meta = loadAssessment(id);
  } catch {
    notFound();
  }
  const rows = await assessmentResults(id, undefined, classId);
  const items = itemStatistics(rows);
  const byParameter = variantStatistics(rows);
  const queue = await manualQueue(id, undefined, classId);
  return (
    <>
      <p className="muted">
        {courseClass ? (
          <Link href={`/classes/${courseClass.id}`}>{courseClass.name}</Link>
        ) : (
          <Link href="/instructor">Instructor</Link>
        )}{' '}
        / {meta.title}
      </p>
      <h1>Results: {meta.title}</h1>
      <p>
        {rows.length} submitted timed attempt{rows.length === 1 ? '' : 's'} ·{' '}
        <a
          className="button"
          href={`/api/instructor/assessments/${id}/export${classId ? `?class=${encodeURIComponent(classId)}` : ''}`}
          download
        >
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
      {byParameter.length > 0 ? (
        <>
          <h3>By variant parameter</h3>
          <p className="muted">
            For questions whose variants differ by a parameter with a few values: the mean share of the points
            for each value. A value far below the others is a harder draw.
          </p>
          <div data-testid="variant-statistics">
            {byParameter.map((q) =>
              q.breakdown.map((b) => (
                <p key={`${q.questionId}:${b.parameter}`}>
                  <strong>{q.questionId}</strong>, {b.parameter}:{' '}
                  {b.rows.map((r) => `${r.value} → ${Math.round(r.mean * 100)}% (n=${r.n})`).join(' · ')}
                </p>
              )),
            )}
          </div>
        </>
      ) : null}
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
