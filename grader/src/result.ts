/** The result JSON of a grading (shared/DESIGN.md, "Result JSON"): stored, printed, returned. */
export type GradeStatus = 'graded' | 'compile_error' | 'runtime_error' | 'timeout' | 'memory_limit';

export interface TestResult {
  name: string;
  visibility: 'public' | 'hidden';
  passed: boolean;
  points: number;
  maxPoints: number;
  message: string;
  /** numbers behind the verdict, e.g. the largest relative error per output */
  metrics?: Record<string, number>;
}

export interface GradeResult {
  exercise: string;
  status: GradeStatus;
  score: number;
  maxScore: number;
  durationMs: number;
  tests: TestResult[];
  /** for compile errors and sandbox failures: what went wrong, in the learner's terms */
  message?: string;
}
