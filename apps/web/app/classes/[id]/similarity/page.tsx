import { listExercises, readPublicExercise } from '@gradlab/content';
import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '../../../../components/instructor/data-table.tsx';
import { requireClassPage } from '../../../../lib/classes.ts';
import { db } from '../../../../lib/db.ts';
import { similarPairs } from '../../../../lib/similarity.ts';

export const metadata: Metadata = { title: 'Similarity report' };

const DEFAULT_THRESHOLD = 0.5;

/**
 * Staff: for one exercise, the pairs of the class's final submissions (each student's latest)
 * whose code is similar above a threshold, with the two codes side by side to judge.
 */
export default async function SimilarityPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ exercise?: string; threshold?: string }>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const { courseClass } = await requireClassPage(id, 'ta', `/classes/${id}/similarity`);
  const exercises = listExercises();
  const exercise = exercises.find((e) => e.id === query.exercise) ?? exercises[0];
  const parsed = Number(query.threshold);
  const threshold = Number.isFinite(parsed) && parsed >= 0 && parsed <= 1 ? parsed : DEFAULT_THRESHOLD;
  const students = await db().enrollment.findMany({
    where: { classId: id, role: 'student' },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  const people = new Map(students.map((s) => [s.user.id, s.user]));
  const latest = exercise
    ? await db().submission.findMany({
        where: { exerciseId: exercise.id, userId: { in: [...people.keys()] } },
        orderBy: { createdAt: 'desc' },
        distinct: ['userId'],
        select: { id: true, userId: true, code: true, score: true, createdAt: true },
      })
    : [];
  const byUser = new Map(latest.map((s) => [s.userId, s]));
  const pairs = exercise
    ? similarPairs(
        latest.map((s) => ({ owner: s.userId, code: s.code })),
        readPublicExercise(exercise.id).starter,
        threshold,
      )
    : [];
  const who = (userId: string) => {
    const person = people.get(userId);
    return person ? `${person.name} (${person.email})` : userId;
  };
  return (
    <>
      <p className="muted">
        <Link href="/classes">Your classes</Link> / <Link href={`/classes/${id}`}>{courseClass.name}</Link> /
        Similarity
      </p>
      <h1>Similarity report</h1>
      <p>
        Each student's final (latest) submission is compared with every other's after names, comments,
        literals and layout are normalised away and the starter code is discounted. A high score is a reason
        to look at the two codes, not a verdict.
      </p>
      <form className="filters" method="get">
        <label>
          Exercise
          <select name="exercise" aria-label="Exercise" defaultValue={exercise?.id}>
            {exercises.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Threshold (0 to 1)
          <input name="threshold" type="number" min={0} max={1} step={0.05} defaultValue={threshold} />
        </label>
        <button type="submit" className="button">
          Compare
        </button>
      </form>
      <p data-testid="similarity-summary">
        {latest.length} final submission{latest.length === 1 ? '' : 's'} compared;{' '}
        {pairs.length === 0 ? 'no pair' : `${pairs.length} pair${pairs.length === 1 ? '' : 's'}`} at or above{' '}
        {Math.round(threshold * 100)}% similarity.
      </p>
      {pairs.length > 0 ? (
        <DataTable
          columns={[{ label: 'Similarity', numeric: true }, { label: 'Student A' }, { label: 'Student B' }]}
          testId="similar-pairs"
          label="Similar pairs"
        >
          {pairs.map((p) => (
            <tr key={`${p.a}-${p.b}`}>
              <td className="num">{Math.round(p.similarity * 100)}%</td>
              <td>{who(p.a)}</td>
              <td>{who(p.b)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {pairs.map((p) => (
        <details key={`${p.a}-${p.b}`} className="side-by-side" data-testid="pair-codes">
          <summary>
            {Math.round(p.similarity * 100)}%: {who(p.a)} and {who(p.b)}
          </summary>
          <div className="columns">
            {[p.a, p.b].map((owner) => {
              const submission = byUser.get(owner);
              return (
                <figure key={owner}>
                  <figcaption>
                    {who(owner)}
                    {submission ? (
                      <>
                        {' '}
                        · <Link href={`/instructor/submissions/${submission.id}`}>submission</Link> of{' '}
                        {submission.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC
                      </>
                    ) : null}
                  </figcaption>
                  <pre>
                    <code>{submission?.code}</code>
                  </pre>
                </figure>
              );
            })}
          </div>
        </details>
      ))}
    </>
  );
}
