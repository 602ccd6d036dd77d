import { fullResult, hintsOf } from './result-view.ts';

export interface TestStat {
  exerciseId: string;
  test: string;
  visibility: string;
  runs: number;
  failures: number;
}

export interface HintStat {
  exerciseId: string;
  hint: string;
  count: number;
}

/** Per-test failure rates and how often each known-mistake hint fired, over graded results. */
export function submissionStats(submissions: { exerciseId: string; result: unknown }[]): {
  tests: TestStat[];
  hints: HintStat[];
} {
  const tests = new Map<string, TestStat>();
  const hints = new Map<string, HintStat>();
  for (const s of submissions) {
    const result = fullResult(s.result);
    if (!result) continue;
    for (const t of result.tests) {
      const key = `${s.exerciseId}\u0000${t.name}`;
      const stat = tests.get(key) ?? {
        exerciseId: s.exerciseId,
        test: t.name,
        visibility: t.visibility,
        runs: 0,
        failures: 0,
      };
      stat.runs += 1;
      if (!t.passed) stat.failures += 1;
      tests.set(key, stat);
    }
    const fired = new Set(result.tests.flatMap((t) => hintsOf(t)));
    for (const hint of fired) {
      const key = `${s.exerciseId}\u0000${hint}`;
      const stat = hints.get(key) ?? { exerciseId: s.exerciseId, hint, count: 0 };
      stat.count += 1;
      hints.set(key, stat);
    }
  }
  return {
    tests: [...tests.values()],
    hints: [...hints.values()].sort((a, b) => b.count - a.count),
  };
}
