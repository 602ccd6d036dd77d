'use client';
import { useState } from 'react';
import { type ResultLike, ResultView } from '../exercise/result-view.tsx';

/** Grades the exercise's reference solution now, through the grader, and shows every test. */
export function GradeReferenceButton({ exerciseId }: { exerciseId: string }) {
  const [state, setState] = useState<'idle' | 'grading' | 'done'>('idle');
  const [result, setResult] = useState<ResultLike | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function grade() {
    setState('grading');
    setError(null);
    const response = await fetch(`/api/instructor/exercises/${exerciseId}/grade-reference`, {
      method: 'POST',
    });
    if (response.ok) setResult((await response.json()) as ResultLike);
    else
      setError(((await response.json().catch(() => ({}))) as { error?: string }).error ?? 'grading failed');
    setState('done');
  }
  return (
    <div aria-live="polite">
      <button type="button" className="button" onClick={grade} disabled={state === 'grading'}>
        {state === 'grading' ? 'Grading…' : 'Grade the reference solution'}
      </button>
      {error ? <p className="error-text">{error}</p> : null}
      {result ? <ResultView result={result} title="Reference solution" testId="reference-result" /> : null}
    </div>
  );
}
