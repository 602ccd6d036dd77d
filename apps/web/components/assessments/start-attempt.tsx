'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorOf } from '../exercise/http.ts';

/** Starts (or resumes) a timed attempt or a practice attempt, then opens it. */
export function StartAttemptButtons({
  assessmentId,
  classId,
  timedLeft,
  practice,
  startLabel = 'Start the timed exam',
}: {
  assessmentId: string;
  /** the class the attempt counts for (null: the student's own mock exam) */
  classId: string | null;
  /** graded attempts left (null: unlimited) */
  timedLeft: number | null;
  practice: boolean;
  startLabel?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function start(mode: 'timed' | 'practice') {
    setBusy(true);
    setError(null);
    const response = await fetch(`/api/assessments/${assessmentId}/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(classId ? { mode, classId } : { mode }),
    }).catch(() => null);
    setBusy(false);
    if (!response) return setError('the server could not be reached');
    if (!response.ok) return setError(await errorOf(response));
    const { id } = (await response.json()) as { id: string };
    router.push(`/attempts/${id}`);
  }
  return (
    <div className="filters">
      <button
        type="button"
        className="button"
        disabled={busy || (timedLeft !== null && timedLeft <= 0)}
        onClick={() => void start('timed')}
      >
        {startLabel}
      </button>
      {practice ? (
        <button type="button" className="button" disabled={busy} onClick={() => void start('practice')}>
          Practise (untimed, feedback per question)
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
    </div>
  );
}
