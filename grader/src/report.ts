import type { GradeResult } from './result.ts';

/** A readable report of a grading for the terminal. */
export function formatReport(result: GradeResult): string {
  const lines = [
    `${result.exercise}: ${result.status}, ${result.score}/${result.maxScore} points (${Math.round(result.durationMs)} ms)`,
  ];
  if (result.message) lines.push(...result.message.split('\n').map((l) => `  ${l}`));
  for (const test of result.tests) {
    const mark = test.passed ? 'PASS' : 'FAIL';
    const points = test.maxPoints > 0 ? ` (${test.points}/${test.maxPoints})` : ' (diagnostic)';
    lines.push(`  ${mark} ${test.visibility === 'hidden' ? '[hidden] ' : ''}${test.name}${points}`);
    if (!test.passed || test.maxPoints === 0) {
      lines.push(...test.message.split('\n').map((l) => `       ${l}`));
      for (const hint of test.hints ?? []) lines.push(`       Hint: ${hint}`);
    }
    if (test.logs?.length) lines.push('       console:', ...test.logs.map((l) => `         ${l}`));
  }
  return lines.join('\n');
}

/**
 * The Gradescope autograder `results.json` shape, so instructors can run gradlab inside
 * Gradescope (tests keep their order; hidden cases stay hidden until after the due date).
 */
export function toGradescope(result: GradeResult): Record<string, unknown> {
  return {
    score: result.score,
    execution_time: Math.ceil(result.durationMs / 1000),
    output: result.message ?? `${result.exercise}: ${result.status}`,
    stdout_visibility: 'visible',
    tests: result.tests.map((t) => ({
      name: t.name,
      score: t.points,
      max_score: t.maxPoints,
      status: t.passed ? 'passed' : 'failed',
      output: [t.message, ...(t.hints ?? []).map((h) => `Hint: ${h}`), ...(t.logs ?? [])].join('\n'),
      visibility: t.visibility === 'hidden' ? 'after_due_date' : 'visible',
    })),
  };
}
