export type { AssessmentFrontmatter, AssessmentMeta } from './assessments.ts';
export {
  assessmentFrontmatterSchema,
  assessmentsDir,
  listAssessmentIds,
  listAssessments,
  readAssessment,
} from './assessments.ts';
export { ContentError } from './content-error.ts';
export { contentRoot } from './content-root.ts';
export type {
  ExerciseCase,
  ExerciseFunction,
  ExerciseFunctions,
  ExerciseSpec,
  GradientSelfCheck,
  InputGenerator,
  Inputs,
  OutputCheck,
} from './exercise-spec.ts';
export { exerciseSpecSchema } from './exercise-spec.ts';
export type { ExerciseMeta, ExerciseSources, PublicExercise } from './exercises.ts';
export {
  exerciseFrontmatterSchema,
  exerciseSources,
  exercisesDir,
  exerciseVersion,
  listExercises,
  readExerciseMeta,
  readPublicExercise,
} from './exercises.ts';
export type { LabPreset } from './lab-presets.ts';
export {
  labPresetFrontmatterSchema,
  labPresetsDir,
  listLabPresetSlugs,
  readLabPreset,
} from './lab-presets.ts';
export type { CompiledLecture, LectureFrontmatter, LectureMeta } from './lecture-schema.ts';
export { lectureFrontmatterSchema } from './lecture-schema.ts';
export {
  brokenLectureLinks,
  compileLecture,
  compileMdx,
  headingIds,
  listLectures,
  parseLectureMeta,
} from './lectures.ts';
export type {
  AnswerType,
  ListedWrongAnswer,
  QuestionGenerator,
  QuestionPart,
  QuestionSpec,
  QuestionVariant,
  Responses,
  RubricItem,
  Tolerance,
} from './question-spec.ts';
export type { QuestionMeta, QuestionSources } from './questions.ts';
export {
  fillParams,
  listQuestionIds,
  listQuestions,
  questionFrontmatterSchema,
  questionSources,
  questionsDir,
  readQuestionMeta,
} from './questions.ts';
export { type Statement, statementQuestion } from './statement-question.ts';
