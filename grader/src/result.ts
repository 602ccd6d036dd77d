/** The result JSON of a grading (shared/DESIGN.md, "Result JSON"): stored, printed, returned. */
export type GradeStatus = 'graded' | 'compile_error' | 'runtime_error' | 'timeout' | 'memory_limit';

/** The version of the result's format; results stored before it have none (read them as 0). */
export const RESULT_VERSION = 1;

export interface TestResult {
  name: string;
  visibility: 'public' | 'hidden';
  passed: boolean;
  points: number;
  /** 0 for a diagnostic (the gradient self-check): it never counts towards the score */
  maxPoints: number;
  /** what was checked and what went wrong (hidden cases: without values) */
  message: string;
  /** the known mistakes this failure looks like, one sentence each */
  hints?: string[];
  /** what the learner's console printed during this test (public tests only) */
  logs?: string[];
  /** numbers behind the verdict, e.g. the largest relative error per output */
  metrics?: Record<string, number>;
}

export interface GradeResult {
  version?: number;
  exercise: string;
  status: GradeStatus;
  score: number;
  maxScore: number;
  durationMs: number;
  tests: TestResult[];
  /** for compile errors and sandbox failures: what went wrong, in the learner's terms */
  message?: string;
}
