'use client';
import { getMDXComponent } from 'mdx-bundler/client';
import Link from 'next/link';
import { type ReactNode, useMemo, useState } from 'react';
import { errorOf } from '../exercise/http.ts';
import { Span } from '../lecture/span.tsx';
import { type PartResult, type PublicPart, QuestionContext } from './question-context.tsx';

interface Graded {
  grade: { parts: Record<string, PartResult>; score: number; maxScore: number; manualPoints: number };
  keys: Record<string, unknown>;
  solutionCode: string;
}

function Solution({ code }: { code: string }) {
  const Component = useMemo(() => getMDXComponent(code), [code]);
  return <Component components={{ span: Span }} />;
}

/**
 * Practice on one variant: the prompt (rendered on the server, with an input per part), Check,
 * then each part's points, message and key, and the worked solution. "Another variant" draws
 * new numbers.
 */
export function QuestionForm({
  questionId,
  seed,
  parts,
  children,
}: {
  questionId: string;
  seed: number;
  parts: Record<string, PublicPart>;
  children: ReactNode;
}) {
  const [responses, setResponses] = useState<Record<string, unknown>>({});
  const [graded, setGraded] = useState<Graded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function check() {
    setBusy(true);
    setError(null);
    const response = await fetch(`/api/questions/${questionId}/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed, responses }),
    }).catch(() => null);
    setBusy(false);
    if (!response) return setError('the server could not be reached');
    if (!response.ok) return setError(await errorOf(response));
    setGraded((await response.json()) as Graded);
  }
  const state = {
    parts,
    responses,
    setResponse: (part: string, value: unknown) => setResponses((r) => ({ ...r, [part]: value })),
    results: graded?.grade.parts ?? null,
    keys: graded?.keys ?? null,
    locked: graded !== null,
  };
  return (
    <QuestionContext.Provider value={state}>
      <article className="statement lecture question">{children}</article>
      <p className="filters">
        {graded ? (
          <Link className="button" href={`/questions/${questionId}?seed=new`} prefetch={false}>
            Another variant
          </Link>
        ) : (
          <button type="button" className="button" onClick={() => void check()} disabled={busy}>
            {busy ? 'Checking…' : 'Check'}
          </button>
        )}
      </p>
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      {graded ? (
        <section aria-live="polite">
          <p data-testid="question-score">
            <strong>
              {graded.grade.score} / {graded.grade.maxScore}
            </strong>{' '}
            points
            {graded.grade.manualPoints > 0
              ? ` (${graded.grade.manualPoints} more to be graded by the course staff)`
              : ''}
          </p>
          <h2>Worked solution</h2>
          <div className="statement lecture" data-testid="worked-solution">
            <Solution code={graded.solutionCode} />
          </div>
        </section>
      ) : null}
    </QuestionContext.Provider>
  );
}
