'use client';
import { getMDXComponent } from 'mdx-bundler/client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AttemptView } from '../../lib/attempts.ts';
import { errorOf } from '../exercise/http.ts';
import { Span } from '../lecture/span.tsx';
import { AnswerSlot } from '../questions/answer-slot.tsx';
import { type PartResult, type PublicPart, QuestionContext } from '../questions/question-context.tsx';

type Question = AttemptView['questions'][number];
interface Checked {
  grade: { parts: Record<string, PartResult>; score: number; maxScore: number };
  /** null when the policy shows scores during the attempt but keys only after it */
  keys: Record<string, unknown> | null;
  solutionCode: string | null;
  /** practice: the points this try earned at its value */
  earned?: number;
}

function Mdx({ code, withAnswers }: { code: string; withAnswers?: boolean }) {
  const Component = useMemo(() => getMDXComponent(code), [code]);
  return <Component components={withAnswers ? { span: Span, Answer: AnswerSlot } : { span: Span }} />;
}

const clock = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 3600) > 0 ? `${Math.floor(s / 3600)}:` : ''}${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * An attempt at an assessment: every drawn question with its inputs, answers saved as they are
 * typed, the time left by the server's clock, Submit; then the review. In practice mode each
 * question can be checked on its own.
 */
export function AttemptWork({ view }: { view: AttemptView }) {
  const router = useRouter();
  const open = view.status === 'open';
  const [responses, setResponses] = useState<Record<number, Record<string, unknown>>>(() =>
    Object.fromEntries(view.questions.map((q) => [q.position, q.responses as Record<string, unknown>])),
  );
  const [saveState, setSaveState] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Record<number, Checked>>({});
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const pending = useRef(new Map<number, Record<string, unknown>>());
  // the server's clock: its time when the page was made, against this browser's
  const offset = useMemo(() => Date.parse(view.serverNow) - Date.now(), [view.serverNow]);
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now() + offset), 500);
    return () => clearInterval(tick);
  }, [offset]);
  const left = view.deadlineAt ? Date.parse(view.deadlineAt) - now : null;

  const save = useCallback(
    async (position: number) => {
      const body = pending.current.get(position);
      if (!body) return;
      pending.current.delete(position);
      setSaveState((s) => ({ ...s, [position]: 'saving…' }));
      const response = await fetch(`/api/attempts/${view.id}/answers/${position}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ responses: body }),
      }).catch(() => null);
      if (!response) {
        pending.current.set(position, body);
        setSaveState((s) => ({ ...s, [position]: 'not saved: the server could not be reached (retrying)' }));
        timers.current.set(
          position,
          setTimeout(() => void save(position), 3000),
        );
        return;
      }
      if (response.status === 409 || response.status === 410) {
        setError(await errorOf(response));
        router.refresh();
        return;
      }
      if (!response.ok) {
        setSaveState((s) => ({ ...s, [position]: `not saved: ${response.status}` }));
        return;
      }
      const { savedAt } = (await response.json()) as { savedAt: string };
      setSaveState((s) => ({ ...s, [position]: `saved ${new Date(savedAt).toLocaleTimeString()}` }));
    },
    [view.id, router],
  );
  const flush = useCallback(async () => {
    for (const timer of timers.current.values()) clearTimeout(timer);
    timers.current.clear();
    await Promise.all([...pending.current.keys()].map((p) => save(p)));
  }, [save]);

  // at the deadline the server submits: show what it stored
  useEffect(() => {
    if (open && left !== null && left <= 0) {
      const t = setTimeout(() => router.refresh(), 1500);
      return () => clearTimeout(t);
    }
  }, [open, left, router]);

  function setResponse(position: number, part: string, value: unknown) {
    setResponses((all) => {
      const next = { ...(all[position] ?? {}), [part]: value };
      pending.current.set(position, next);
      const timer = timers.current.get(position);
      if (timer) clearTimeout(timer);
      timers.current.set(
        position,
        setTimeout(() => void save(position), 600),
      );
      setSaveState((s) => ({ ...s, [position]: 'editing…' }));
      return { ...all, [position]: next };
    });
  }

  async function submit() {
    if (!window.confirm('Submit your answers? You cannot change them afterwards.')) return;
    await flush();
    const response = await fetch(`/api/attempts/${view.id}/submit`, { method: 'POST' }).catch(() => null);
    if (!response?.ok) setError(response ? await errorOf(response) : 'the server could not be reached');
    router.refresh();
  }

  async function checkOne(q: Question) {
    await flush();
    const response = await fetch(`/api/attempts/${view.id}/practice/${q.position}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ responses: responses[q.position] ?? {} }),
    }).catch(() => null);
    if (!response?.ok)
      return setError(response ? await errorOf(response) : 'the server could not be reached');
    const result = (await response.json()) as Checked;
    setChecked((c) => ({ ...c, [q.position]: result }));
  }

  /** Practice: the next variant of a question (new numbers; the answer box starts empty). */
  async function retry(q: Question) {
    const response = await fetch(`/api/attempts/${view.id}/practice/${q.position}/retry`, {
      method: 'POST',
    }).catch(() => null);
    if (!response?.ok)
      return setError(response ? await errorOf(response) : 'the server could not be reached');
    pending.current.delete(q.position);
    setResponses((all) => ({ ...all, [q.position]: {} }));
    setChecked((c) => {
      const { [q.position]: _dropped, ...rest } = c;
      return rest;
    });
    setSaveState((s) => ({ ...s, [q.position]: '' }));
    router.refresh();
  }
  // scores per question while working: practice, or a graded attempt whose policy says "during"
  const checkable = view.mode === 'practice' || view.assessment.feedback === 'during';

  const topics = useMemo(() => {
    const byTopic = new Map<string, { score: number; points: number; lecture: string }>();
    for (const q of view.questions) {
      if (!q.grade) continue;
      const entry = byTopic.get(q.topic) ?? { score: 0, points: 0, lecture: q.lecture };
      entry.score += q.grade.score;
      entry.points += q.points;
      byTopic.set(q.topic, entry);
    }
    return [...byTopic.entries()].sort((a, b) => a[1].score / a[1].points - b[1].score / b[1].points);
  }, [view.questions]);

  return (
    <>
      <p className="muted">
        <Link href={`/assessments/${view.assessment.id}${view.classId ? `?class=${view.classId}` : ''}`}>
          {view.assessment.title}
        </Link>{' '}
        /{' '}
        {view.mode === 'practice'
          ? 'practice'
          : view.assessment.kind === 'homework'
            ? 'graded attempt'
            : 'timed attempt'}
      </p>
      <h1>{view.assessment.title}</h1>
      {open ? (
        <p className="attempt-bar" data-testid="attempt-bar">
          {left !== null ? (
            <strong data-testid="time-left" aria-live={left < 60_000 ? 'polite' : 'off'}>
              {left > 0 ? `${clock(left)} left` : 'time is up: submitting…'}
            </strong>
          ) : (
            <span>{view.mode === 'practice' ? 'untimed practice' : 'no time limit'}</span>
          )}{' '}
          <button type="button" className="button" onClick={() => void submit()}>
            Submit
          </button>
        </p>
      ) : (
        <section data-testid="attempt-review">
          <p data-testid="attempt-status">
            Submitted {view.submittedBy === 'server' ? 'by the server at the deadline' : ''}
            {view.latePenalty ? ` · late: ${Math.round(view.latePenalty * 100)}% taken off` : ''} ·{' '}
            {view.score === null ? (
              'scores are shown after the close date'
            ) : (
              <strong data-testid="attempt-score">
                {view.score} / {view.maxScore}
              </strong>
            )}
          </p>
          {topics.length > 0 ? (
            <>
              <h2>What to revise</h2>
              <ul data-testid="topic-breakdown">
                {topics.map(([topic, t]) => (
                  <li key={topic}>
                    {topic}: {Math.round(t.score * 100) / 100} / {t.points} ·{' '}
                    <Link href={`/lectures/${t.lecture}`}>the lecture</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      )}
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      {view.questions.map((q) => {
        const check = checked[q.position];
        const results = q.grade?.parts ?? check?.grade.parts ?? null;
        const state = {
          parts: q.parts as unknown as Record<string, PublicPart>,
          responses: responses[q.position] ?? {},
          setResponse: (part: string, value: unknown) => setResponse(q.position, part, value),
          results: results as Record<string, PartResult> | null,
          keys: (q.keys ?? check?.keys ?? null) as Record<string, unknown> | null,
          // practice locks a checked try (its key is shown); "during" lets the student revise
          locked: !open || (view.mode === 'practice' && check !== undefined),
        };
        const solution = q.solutionCode ?? check?.solutionCode;
        return (
          <section
            key={q.position}
            className="attempt-question"
            data-testid={`question-${q.position}`}
            aria-label={`Question ${q.position + 1}`}
          >
            <h2>
              Question {q.position + 1}{' '}
              <span className="muted">
                ({q.zone} · {q.points} points)
              </span>
            </h2>
            <QuestionContext.Provider value={state}>
              <article className="statement lecture question">
                <Mdx code={q.promptCode} withAnswers />
              </article>
            </QuestionContext.Provider>
            {open ? (
              <p className="muted" data-testid={`save-${q.position}`}>
                {saveState[q.position] ?? ''}
                {checkable && (view.mode !== 'practice' || !check) ? (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={() => void checkOne(q)}>
                      Check this question
                    </button>
                  </>
                ) : null}
                {view.mode === 'practice' && q.value < 1 ? (
                  <span data-testid={`value-${q.position}`}>
                    {' '}
                    · try {q.variant + 1}, worth {Math.round(q.value * 100)}% of the points
                  </span>
                ) : null}
              </p>
            ) : null}
            {open && check ? (
              <p data-testid={`checked-${q.position}`}>
                {Math.round((check.grade.score / (check.grade.maxScore || 1)) * q.points * 100) / 100} /{' '}
                {q.points} points on this {view.mode === 'practice' ? 'variant' : 'check'}
                {check.earned !== undefined && q.value < 1 ? ` (${check.earned} at this try's value)` : ''}
                {view.mode === 'practice' ? (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={() => void retry(q)}>
                      Try a new variant
                    </button>
                  </>
                ) : null}
              </p>
            ) : null}
            {q.grade ? (
              <p data-testid={`grade-${q.position}`}>
                {q.grade.score} / {q.points} points
                {q.grade.manualPoints > 0 && (q.manual ?? []).length === 0
                  ? ` (${q.grade.manualPoints} more to be graded by the course staff)`
                  : ''}
              </p>
            ) : null}
            {(q.manual ?? []).map((m) => (
              <div key={m.part} className="manual-grade" data-testid={`manual-${q.position}-${m.part}`}>
                <p>
                  Part {m.part}, graded by the course staff: {m.points} point{m.points === 1 ? '' : 's'}
                </p>
                {m.items.length > 0 ? (
                  <ul>
                    {m.items.map((item) => (
                      <li key={item.description}>
                        {item.points > 0 ? '+' : ''}
                        {item.points}: {item.description}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {m.comment ? <p className="muted">{m.comment}</p> : null}
              </div>
            ))}
            {solution ? (
              <details>
                <summary>Worked solution</summary>
                <div className="statement lecture">
                  <Mdx code={solution} />
                </div>
              </details>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
