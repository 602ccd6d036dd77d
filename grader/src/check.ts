import fs from 'node:fs';
import { brokenLectureLinks, ContentError, compileMdx, listExercises } from '@gradlab/content';
import { type LoadedExercise, loadExercise } from './exercise/load-exercise.ts';
import { gradeHostFunctions, gradeSubmission } from './grade.ts';
import type { GradeResult } from './result.ts';
import { hostErrorMessage } from './run-tests.ts';
import { scenarioBundle } from './scenario/bundle.ts';

/** A problem found in an exercise folder, located as file:line. */
export interface CheckProblem {
  file: string;
  line: number;
  message: string;
}

/** The 1-based line of the first match of `pattern` in a file, else 1. */
function lineOf(file: string, pattern: RegExp): number {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((l) => pattern.test(l));
  return index < 0 ? 1 : index + 1;
}

function firstFailure(result: GradeResult): string {
  const failed = result.tests.find((t) => !t.passed);
  if (result.message) return result.message.split('\n')[0] ?? '';
  return failed ? `"${failed.name}": ${failed.message.split('\n')[0]}` : '';
}

/** What `gradlab check` found out about one exercise. */
export interface CheckReport {
  id: string;
  problems: CheckProblem[];
  /** absent when the folder does not load */
  reference?: { score: number; maxScore: number; status: string };
  starter?: { score: number; maxScore: number; status: string };
  mistakes: { name: string; score: number; maxScore: number; hintFired: boolean }[];
  cases: { public: number; hidden: number };
}

/** Markers an author must replace (left by `gradlab new`). */
const AUTHOR_TODO = /TODO\(author\)/;

/**
 * Proves an exercise folder: the spec validates, the reference solution gets full marks in the
 * sandbox (and passes its own gradient check), the starter does not, every known mistake
 * loses points and triggers its hint, and no `TODO(author)` marker is left.
 */
export async function checkExercise(id: string): Promise<CheckProblem[]> {
  return (await checkExerciseReport(id)).problems;
}

export async function checkExerciseReport(id: string): Promise<CheckReport> {
  const report: CheckReport = { id, problems: [], mistakes: [], cases: { public: 0, hidden: 0 } };
  let exercise: LoadedExercise;
  try {
    exercise = loadExercise(id);
  } catch (error) {
    if (error instanceof ContentError) {
      report.problems.push({ file: error.file, line: error.line ?? 1, message: error.detail });
      return report;
    }
    throw error;
  }
  const problems = report.problems;
  report.cases = {
    public: exercise.spec.cases.filter((c) => c.visibility === 'public').length,
    hidden: exercise.spec.cases.filter((c) => c.visibility === 'hidden').length,
  };
  const statementFile = exercise.starterFile.replace(/starter\.ts$/, 'exercise.mdx');
  // the statement compiles with the course's MDX compiler: a bad formula is a problem here
  const statement = fs.readFileSync(statementFile, 'utf8');
  try {
    await compileMdx(statement, statementFile);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push({ file: statementFile, line: error.line ?? 1, message: error.detail });
  }
  // its links to lectures (and their sections) lead somewhere
  for (const broken of await brokenLectureLinks(statement)) problems.push({ file: statementFile, ...broken });
  const authored = [statementFile, exercise.specFile, exercise.solutionFile, exercise.starterFile];
  for (const file of [...authored, ...exercise.mistakes.map((m) => m.file)]) {
    if (AUTHOR_TODO.test(fs.readFileSync(file, 'utf8')))
      problems.push({ file, line: lineOf(file, AUTHOR_TODO), message: 'a TODO(author) is left to fill in' });
  }
  // the scenario bundle (run/gradcheck, shipped to browsers) must build without a hidden case
  try {
    await scenarioBundle(exercise);
  } catch (error) {
    problems.push({ file: exercise.specFile, line: 1, message: hostErrorMessage(error) });
    return report;
  }
  const grade = (file: string) =>
    gradeSubmission({ exerciseId: id, code: fs.readFileSync(file, 'utf8'), language: 'ts' });

  const reference = await grade(exercise.solutionFile);
  report.reference = { score: reference.score, maxScore: reference.maxScore, status: reference.status };
  if (reference.status !== 'graded' || reference.score !== reference.maxScore) {
    problems.push({
      file: exercise.solutionFile,
      line: 1,
      message: `the reference solution scores ${reference.score}/${reference.maxScore} (${reference.status}) in the sandbox: ${firstFailure(reference)}`,
    });
  } else if (reference.tests.some((t) => !t.passed)) {
    problems.push({
      file: exercise.solutionFile,
      line: 1,
      message: `the reference solution fails a check: ${firstFailure(reference)}`,
    });
  }

  const starter = await grade(exercise.starterFile);
  report.starter = { score: starter.score, maxScore: starter.maxScore, status: starter.status };
  if (starter.status === 'graded' && starter.score === starter.maxScore) {
    problems.push({ file: exercise.starterFile, line: 1, message: 'the starter already gets full marks' });
  }

  for (const mistake of exercise.mistakes) {
    const result = await gradeHostFunctions(exercise, mistake.functions);
    const line = lineOf(mistake.file, /\bhint\b/);
    const hintFired = result.tests.some((t) => t.hints?.includes(mistake.hint));
    report.mistakes.push({ name: mistake.name, score: result.score, maxScore: result.maxScore, hintFired });
    if (result.score === result.maxScore) {
      problems.push({
        file: mistake.file,
        line,
        message: 'this known mistake loses no points: no case tells it apart',
      });
    }
    if (!hintFired) {
      problems.push({
        file: mistake.file,
        line,
        message: 'its hint is never shown: no failing case matches its outputs',
      });
    }
  }
  return report;
}

/** Checks the given exercises, or all of them. */
export async function checkExercises(ids?: string[]): Promise<Map<string, CheckReport>> {
  const all = ids && ids.length > 0 ? ids : listExercises().map((e) => e.id);
  const results = new Map<string, CheckReport>();
  for (const id of all) results.set(id, await checkExerciseReport(id));
  return results;
}

/** One line per exercise: its scores, cases and known mistakes, as `gradlab check` prints them. */
export function formatCheckReport(report: CheckReport): string {
  const ok = report.problems.length === 0 ? 'ok  ' : 'FAIL';
  if (!report.reference || !report.starter) return `${ok} ${report.id}: does not load`;
  const score = (r: { score: number; maxScore: number; status: string }) =>
    `${r.score}/${r.maxScore}${r.status === 'graded' ? '' : ` (${r.status})`}`;
  const mistakes = report.mistakes
    .map((m) => `${m.name} ${m.score}/${m.maxScore}${m.hintFired ? ' hint fired' : ' HINT NOT FIRED'}`)
    .join(', ');
  return [
    `${ok} ${report.id}: reference ${score(report.reference)}, starter ${score(report.starter)}`,
    `${report.cases.public + report.cases.hidden} cases (${report.cases.public} public, ${report.cases.hidden} hidden)`,
    `mistakes: ${mistakes || 'none'}`,
  ].join(' · ');
}
