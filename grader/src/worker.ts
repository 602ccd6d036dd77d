import { type GradeRequest, gradeSubmission } from './grade.ts';
import type { GradeResult } from './result.ts';

/** A grader worker thread (run by the pool, see pool.ts): one grading per task. */
export default function grade(request: GradeRequest): Promise<GradeResult> {
  return gradeSubmission(request);
}
