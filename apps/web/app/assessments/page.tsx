import { listAssessments } from '@gradlab/content';
import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '../../components/instructor/data-table.tsx';

export const metadata: Metadata = { title: 'Mock exams' };
export const dynamic = 'force-dynamic';

/** The assessments anyone signed in may practise: timed mock exams, and their untimed practice mode. */
export default function AssessmentsPage() {
  const assessments = listAssessments().filter((a) => a.audience === 'everyone');
  return (
    <>
      <h1>Mock exams</h1>
      <p className="muted">
        Timed like the real thing, on the server's clock, with new numbers on every attempt; or untimed in
        practice mode, with feedback after each question.
      </p>
      <DataTable
        columns={[
          { label: 'Assessment' },
          { label: 'Time', numeric: true },
          { label: 'Points', numeric: true },
        ]}
        testId="assessments"
        label="Mock exams"
      >
        {assessments.map((a) => (
          <tr key={a.id}>
            <td>
              <Link href={`/assessments/${a.id}`}>{a.title}</Link>
            </td>
            <td className="num">{a.timeLimitMinutes ? `${a.timeLimitMinutes} min` : '–'}</td>
            <td className="num">{a.points}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
