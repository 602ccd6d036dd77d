/**
 * Code parts of questions: the student's function graded with an exercise's cases (public and
 * hidden), the same machinery as a submission. The feedback names how many tests passed and
 * never a hidden case's values.
 */
import { gradeSubmission } from '../grade.ts';
import type { GradeResult } from '../result.ts';
import type { RunCode } from './load-question.ts';

const statusText: Record<string, string> = {
  compile_error: 'the code does not compile',
  runtime_error: 'the code failed while loading',
  timeout: 'the code ran out of time',
  memory_limit: 'the code ran out of memory',
};

/** A grading result as a code part's share of points and its feedback. */
export function codeOutcome(result: GradeResult): { fraction: number; feedback: string } {
  if (result.status !== 'graded')
    return {
      fraction: 0,
      feedback: `${statusText[result.status] ?? result.status}${result.message ? `: ${result.message.split('\n')[0]}` : ''}`,
    };
  const scored = result.tests.filter((t) => t.maxPoints > 0);
  const passed = scored.filter((t) => t.passed).length;
  return {
    fraction: result.maxScore > 0 ? result.score / result.maxScore : 0,
    feedback: `${passed} of ${scored.length} tests passed (public and hidden)`,
  };
}

/** Grades a code part in this process (gradlab check, tests); the site uses its grading pool. */
export const runCodeHere: RunCode = async (exercise, code) =>
  codeOutcome(await gradeSubmission({ exerciseId: exercise, code, language: 'ts' }));
