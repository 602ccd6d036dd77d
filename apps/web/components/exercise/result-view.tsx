import { statusText } from '../../lib/status-text.ts';

/** A grading result (Run or Submit), test by test. Works for students' and instructors' views. */
export interface ResultTest {
  name: string;
  visibility: 'public' | 'hidden';
  passed: boolean;
  points: number;
  maxPoints: number;
  message: string;
  /** known-mistake hints (results stored before format version 1 keep them in `message`) */
  hints?: string[];
  /** what the learner's console printed during the test */
  logs?: string[];
}

export interface ResultLike {
  status: string;
  score: number;
  maxScore: number;
  durationMs: number;
  message?: string;
  tests: ResultTest[];
}

function formatPoints(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** A 0-point test is a diagnostic (e.g. the gradient self-check): it informs, it does not grade. */
export function isDiagnostic(test: ResultTest): boolean {
  return test.maxPoints === 0;
}

/**
 * How one test is shown. A diagnostic that "passes" while a graded test fails (a do-nothing
 * starter's zeros agree with themselves) is not a pass: it is shown as not meaningful yet.
 */
export function testVerdict(
  test: ResultTest,
  allGradedPassed: boolean,
): { label: string; className: 'passed' | 'failed' | 'diagnostic' } {
  if (!isDiagnostic(test))
    return test.passed ? { label: 'Passed', className: 'passed' } : { label: 'Failed', className: 'failed' };
  if (!test.passed) return { label: 'Check failed', className: 'failed' };
  return allGradedPassed
    ? { label: 'Check passed', className: 'passed' }
    : { label: 'Check not meaningful yet (the graded tests fail)', className: 'diagnostic' };
}

export function ResultView({
  result,
  title,
  testId,
}: {
  result: ResultLike;
  title: string;
  testId?: string;
}) {
  const graded = result.tests.filter((t) => !isDiagnostic(t));
  const passed = graded.filter((t) => t.passed).length;
  const allGradedPassed = graded.length > 0 && passed === graded.length;
  return (
    <section className="results" aria-label={title} data-testid={testId}>
      <h3>
        {title}: <span data-testid="score">{formatPoints(result.score)}</span> /{' '}
        {formatPoints(result.maxScore)} points
      </h3>
      <p className="muted" data-testid="result-summary">
        {statusText(result.status)} · {passed} of {graded.length} graded tests passed ·{' '}
        {Math.round(result.durationMs)} ms
      </p>
      {result.message ? <pre className="code error-text">{result.message}</pre> : null}
      <ul className="test-list">
        {result.tests.map((test) => {
          const verdict = testVerdict(test, allGradedPassed);
          return (
            <li key={`${test.visibility}:${test.name}`} className={verdict.className}>
              <strong>{verdict.label}</strong>: {test.name}{' '}
              <span className="muted">
                (
                {isDiagnostic(test)
                  ? 'diagnostic, no points'
                  : `${test.visibility === 'hidden' ? 'hidden, ' : ''}${formatPoints(test.points)} / ${formatPoints(test.maxPoints)}`}
                )
              </span>
              {test.visibility === 'public' && test.message && !test.passed ? (
                <pre>{test.message}</pre>
              ) : null}
              {test.visibility === 'public' && !test.passed && test.hints?.length ? (
                <ul className="hints">
                  {test.hints.map((hint) => (
                    <li key={hint}>Hint: {hint}</li>
                  ))}
                </ul>
              ) : null}
              {test.visibility === 'public' && test.logs?.length ? (
                <details className="console-output">
                  <summary>Your console output ({test.logs.length} lines)</summary>
                  <pre>{test.logs.join('\n')}</pre>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
