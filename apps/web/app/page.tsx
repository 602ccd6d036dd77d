import { listLectures } from '@gradlab/content';
import Link from 'next/link';
import { currentClass } from '../lib/classes.ts';
import { db } from '../lib/db.ts';
import { catalogue } from '../lib/exercises.ts';
import { bestScores } from '../lib/progress.ts';
import { currentUser } from '../lib/session.ts';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const lectures = listLectures();
  const exercises = catalogue();
  const user = await currentUser();
  const course = user ? await currentClass(user.id) : null;
  const best = user ? await bestScores(db(), user.id, course?.id) : new Map<string, number>();
  const total = exercises.reduce((sum, e) => sum + e.points, 0);
  const earned = exercises.reduce((sum, e) => sum + Math.min(best.get(e.id) ?? 0, e.points), 0);
  return (
    <>
      <h1>Deep learning, implemented</h1>
      <p className="muted">
        Read a lecture, then implement its layers, losses and optimizers yourself and get graded against a
        reference engine with numeric gradient checks.
      </p>
      {user ? (
        <p data-testid="course-progress">
          Your progress: <strong>{formatScore(earned)}</strong> of {total} points ·{' '}
          {course ? (
            <>
              class <Link href={`/classes/${course.id}`}>{course.name}</Link>
            </>
          ) : (
            <Link href="/classes">join your class</Link>
          )}
        </p>
      ) : (
        <p>
          <Link href="/sign-in">Sign in</Link> or <Link href="/sign-up">create an account</Link> to solve the
          exercises and keep your progress.
        </p>
      )}
      <h2>Lectures</h2>
      <ol className="lecture-list">
        {lectures.map((lecture) => {
          const own = exercises.filter((e) => e.lecture === lecture.slug);
          return (
            <li key={lecture.slug}>
              <span className="num">{lecture.order}.</span>
              <Link href={`/lectures/${lecture.slug}`}>{lecture.title}</Link>
              <p>{lecture.summary}</p>
              {own.length > 0 ? (
                <ul className="exercise-list" aria-label={`Exercises of ${lecture.title}`}>
                  {own.map((exercise) => {
                    const score = best.get(exercise.id);
                    return (
                      <li key={exercise.id}>
                        <Link href={`/exercises/${exercise.id}`}>Exercise: {exercise.title}</Link>
                        <span
                          className={`score-badge${score !== undefined && score >= exercise.points ? ' full' : ''}`}
                        >
                          {score === undefined
                            ? `${exercise.points} points`
                            : `best ${formatScore(score)} / ${exercise.points}`}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}

function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}
