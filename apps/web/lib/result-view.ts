import { type GradeResult, learnerView, type TestResult } from '@gradlab/grader';

/** The statuses a submission can have; the first two are not final. */
export const pendingStatuses = ['queued', 'running'] as const;

export function isPending(status: string): boolean {
  return (pendingStatuses as readonly string[]).includes(status);
}

/** A stored result as a student may see it. */
export interface StudentResult {
  status: GradeResult['status'] | 'error';
  score: number;
  maxScore: number;
  durationMs: number;
  message?: string;
  tests: TestResult[];
}

function isGradeResult(value: unknown): value is GradeResult {
  return typeof value === 'object' && value !== null && Array.isArray((value as GradeResult).tests);
}

/** What a student sees of a stored result: the grader's learner view (hidden tests redacted there). */
export function studentResult(value: unknown): StudentResult | null {
  if (!isGradeResult(value)) {
    const message = (value as { message?: unknown } | null)?.message;
    return typeof message === 'string'
      ? { status: 'error', score: 0, maxScore: 0, durationMs: 0, message, tests: [] }
      : null;
  }
  const view = learnerView(value);
  return {
    status: view.status,
    score: view.score,
    maxScore: view.maxScore,
    durationMs: view.durationMs,
    ...(view.message === undefined ? {} : { message: view.message }),
    tests: view.tests,
  };
}

/** The full result, for instructors. */
export function fullResult(value: unknown): GradeResult | null {
  return isGradeResult(value) ? value : null;
}

/**
 * The known-mistake hints of a test: its `hints` (results of format version 1 and later), else
 * the lines of its message that start with "Hint: " (results stored before).
 */
export function hintsOf(test: Pick<TestResult, 'message' | 'hints'>): string[] {
  return test.hints ?? hintsIn(test.message);
}

/** Known-mistake hints in a test message: its lines that start with "Hint: ". */
export function hintsIn(message: string): string[] {
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('Hint: '))
    .map((line) => line.slice('Hint: '.length));
}
