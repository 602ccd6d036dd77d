'use client';
import { useCallback, useEffect, useState } from 'react';
import { DataTable } from './data-table.tsx';

/** The report of `gradlab check` (grader/src/check.ts), as the check API answers it. */
interface Scored {
  score: number;
  maxScore: number;
  status: string;
}
export interface CheckReportView {
  id: string;
  problems: { file: string; line: number; message: string }[];
  reference?: Scored;
  starter?: Scored;
  mistakes: { name: string; score: number; maxScore: number; hintFired: boolean }[];
  cases: { public: number; hidden: number };
}

const scored = (s: Scored) => `${s.score}/${s.maxScore}${s.status === 'graded' ? '' : ` (${s.status})`}`;

/**
 * `gradlab check` for this exercise, live: it runs when the page opens (on the folder as it is
 * on disk now, in a grading process) and again on "Check again", and shows the same report as
 * the command: reference and starter scores, each known mistake's score and whether its hint
 * fired, the cases, and every problem as file:line.
 */
export function CheckReportPanel({ exerciseId }: { exerciseId: string }) {
  const [report, setReport] = useState<CheckReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(true);
  const run = useCallback(
    async (signal?: AbortSignal) => {
      setRunning(true);
      setError(null);
      try {
        const response = await fetch(`/api/instructor/exercises/${exerciseId}/check`, {
          method: 'POST',
          signal,
        });
        const body = (await response.json().catch(() => ({}))) as CheckReportView & { error?: string };
        if (response.ok) setReport(body);
        else setError(body.error ?? `the check failed (HTTP ${response.status})`);
      } catch (cause) {
        if (signal?.aborted) return;
        setError(cause instanceof Error ? cause.message : String(cause));
      }
      setRunning(false);
    },
    [exerciseId],
  );
  useEffect(() => {
    const controller = new AbortController();
    void run(controller.signal);
    return () => controller.abort();
  }, [run]);

  const ok = report !== null && report.problems.length === 0;
  return (
    <section aria-live="polite" data-testid="check-report" aria-busy={running}>
      <p>
        <button type="button" className="button" onClick={() => void run()} disabled={running}>
          {running ? 'Checking…' : 'Check again'}
        </button>{' '}
        <span className="muted">
          the same report as <code>npx gradlab check {exerciseId}</code>
        </span>
      </p>
      {error ? <p className="error-text">{error}</p> : null}
      {report ? (
        <>
          <p className={ok ? 'ok-text' : 'error-text'} data-testid="check-verdict">
            {ok
              ? 'ok: the folder passes gradlab check'
              : `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} found`}
            {report.reference && report.starter
              ? ` · reference ${scored(report.reference)} · starter ${scored(report.starter)}`
              : ''}{' '}
            · {report.cases.public + report.cases.hidden} cases ({report.cases.public} public,{' '}
            {report.cases.hidden} hidden)
          </p>
          {report.problems.length > 0 ? (
            <ul data-testid="check-problems">
              {report.problems.map((p) => (
                <li key={`${p.file}:${p.line}:${p.message}`}>
                  <code>
                    {p.file}:{p.line}
                  </code>
                  : {p.message}
                </li>
              ))}
            </ul>
          ) : null}
          {report.mistakes.length > 0 ? (
            <DataTable
              columns={[{ label: 'Known mistake' }, { label: 'Score', numeric: true }, { label: 'Hint' }]}
              label="known mistakes as graded by gradlab check"
              testId="check-mistakes"
            >
              {report.mistakes.map((m) => (
                <tr key={m.name}>
                  <td>{m.name}</td>
                  <td className="num">
                    {m.score}/{m.maxScore}
                  </td>
                  <td className={m.hintFired ? 'ok-text' : 'error-text'}>
                    {m.hintFired ? 'fired' : 'never shown'}
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
