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

const statusText: Record<string, string> = {
  graded: 'graded',
  compile_error: 'compile error',
  runtime_error: 'runtime error',
  timeout: 'time limit exceeded',
  memory_limit: 'memory limit exceeded',
  error: 'grader error',
};

function formatPoints(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
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
  const passed = result.tests.filter((t) => t.passed).length;
  return (
    <section className="results" aria-label={title} data-testid={testId}>
      <h3>
        {title}: <span data-testid="score">{formatPoints(result.score)}</span> /{' '}
        {formatPoints(result.maxScore)} points
      </h3>
      <p className="muted">
        {statusText[result.status] ?? result.status} · {passed} of {result.tests.length} tests passed ·{' '}
        {Math.round(result.durationMs)} ms
      </p>
      {result.message ? <pre className="code error-text">{result.message}</pre> : null}
      <ul className="test-list">
        {result.tests.map((test) => (
          <li key={`${test.visibility}:${test.name}`} className={test.passed ? 'passed' : 'failed'}>
            <strong>{test.passed ? 'Passed' : 'Failed'}</strong>: {test.name}{' '}
            <span className="muted">
              ({test.visibility === 'hidden' ? 'hidden, ' : ''}
              {formatPoints(test.points)} / {formatPoints(test.maxPoints)})
            </span>
            {test.visibility === 'public' && test.message && !test.passed ? <pre>{test.message}</pre> : null}
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
        ))}
      </ul>
    </section>
  );
}
