// @gradlab/grader: grading of learner code in a sandbox against the reference engine.
export {
  type CheckProblem,
  type CheckReport,
  checkExercise,
  checkExerciseReport,
  checkExercises,
  formatCheckReport,
} from './check.ts';
export { compareOutput, relativeError } from './checks/compare.ts';
export { type KnownMistake, type LoadedExercise, loadExercise } from './exercise/load-exercise.ts';
export {
  cachedExercise,
  exercisePoints,
  failedGrading,
  type GradeRequest,
  gradeHostFunctions,
  gradeSubmission,
  serverPlan,
} from './grade.ts';
export {
  createGraderPool,
  defaultProcessFile,
  type GraderPool,
  type PoolOptions,
  type PoolStats,
} from './process-pool.ts';
export { gradePart, keyResponse, type PartResult, type PartStatus, publicPart } from './questions/answers.ts';
export {
  type AssessmentCheckReport,
  checkAssessmentReport,
  formatAssessmentReport,
} from './questions/check-assessment.ts';
export {
  checkQuestionReport,
  formatQuestionReport,
  type QuestionCheckReport,
} from './questions/check-question.ts';
export { codeOutcome, runCodeHere } from './questions/code-part.ts';
export {
  gradeVariant,
  gradeVariantWithCode,
  type LoadedQuestion,
  loadQuestion,
  makeVariant,
  type RunCode,
  renderVariant,
  type VariantGrade,
} from './questions/load-question.ts';
export { formatReport, toGradescope } from './report.ts';
export type { GradeResult, GradeStatus, TestResult } from './result.ts';
export type { JsonWire, RunKit } from './run-kit.ts';
export { runKit } from './run-kit-server.ts';
export { learnerView } from './run-tests.ts';
export * from './sandbox/index.ts';
export { WIRE_VERSION } from './sandbox/wire-json.ts';
export { type ProbeRequest, type ProbeResult, probeSandbox } from './sandbox-probe.ts';
export { fromJsonWire, fromWire, toJsonWire, toWire } from './scenario/values-wire.ts';
