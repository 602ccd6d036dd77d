import type { GradeResult, TestResult } from '@gradlab/grader';

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

/**
 * What a student sees of a result: public tests in full; hidden tests as pass/fail only, with
 * neither their name nor their message nor metrics (so no case name, value or hint leaks).
 */
export function studentResult(value: unknown): StudentResult | null {
  if (!isGradeResult(value)) {
    const message = (value as { message?: unknown } | null)?.message;
    return typeof message === 'string'
      ? { status: 'error', score: 0, maxScore: 0, durationMs: 0, message, tests: [] }
      : null;
  }
  let hidden = 0;
  const tests = value.tests.map((t): TestResult => {
    if (t.visibility !== 'hidden') return t;
    hidden += 1;
    return {
      name: `hidden test ${hidden}`,
      visibility: 'hidden',
      passed: t.passed,
      points: t.points,
      maxPoints: t.maxPoints,
      message: t.passed ? 'passed' : 'failed',
    };
  });
  return {
    status: value.status,
    score: value.score,
    maxScore: value.maxScore,
    durationMs: value.durationMs,
    ...(value.message === undefined ? {} : { message: value.message }),
    tests,
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
