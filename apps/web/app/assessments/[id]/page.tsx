import { compileMdx, readAssessment } from '@gradlab/content';
import { getMDXComponent } from 'mdx-bundler/client';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StartAttemptButtons } from '../../../components/assessments/start-attempt.tsx';
import { DataTable } from '../../../components/instructor/data-table.tsx';
import { Span } from '../../../components/lecture/span.tsx';
import { db } from '../../../lib/db.ts';
import { requireUser } from '../../../lib/session.ts';

export const metadata: Metadata = { title: 'Mock exam' };

export default async function AssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/assessments/${id}`);
  let read: ReturnType<typeof readAssessment>;
  try {
    read = readAssessment(id);
  } catch {
    notFound();
  }
  const { meta, instructions, file } = read;
  const Instructions = getMDXComponent(await compileMdx(instructions, file));
  const attempts = await db().attempt.findMany({
    where: { userId: user.id, assessmentId: id },
    orderBy: { startedAt: 'desc' },
  });
  const timedUsed = attempts.filter((a) => a.mode === 'timed').length;
  const openTimed = attempts.find((a) => a.mode === 'timed' && a.status === 'open');
  return (
    <>
      <p className="muted">
        <Link href="/assessments">Mock exams</Link> / {meta.title}
      </p>
      <h1>{meta.title}</h1>
      <p>
        {meta.points} points{meta.timeLimitMinutes ? ` · ${meta.timeLimitMinutes} minutes` : ''} · {timedUsed}{' '}
        of {meta.attempts} timed attempt{meta.attempts === 1 ? '' : 's'} used
      </p>
      <article className="statement lecture">
        <Instructions components={{ span: Span }} />
      </article>
      {openTimed ? (
        <p>
          <Link className="button" href={`/attempts/${openTimed.id}`}>
            Resume the timed exam
          </Link>
        </p>
      ) : null}
      <StartAttemptButtons
        assessmentId={id}
        timedLeft={openTimed ? 0 : meta.attempts - timedUsed}
        practice={meta.practice}
      />
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
                <td>{a.mode}</td>
                <td>
                  {a.status === 'open'
                    ? 'in progress'
                    : a.submittedBy === 'server'
                      ? 'submitted at the deadline'
                      : 'submitted'}
                </td>
                <td className="num">
                  {a.status === 'submitted' && meta.feedback !== 'after-close'
                    ? `${a.score} / ${a.maxScore}`
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
