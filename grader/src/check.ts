import fs from 'node:fs';
import { ContentError, listExercises } from '@gradlab/content';
import { type LoadedExercise, loadExercise } from './exercise/load-exercise.ts';
import { gradeHostFunctions, gradeSubmission } from './grade.ts';
import type { GradeResult } from './result.ts';

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

/**
 * Proves an exercise folder: the spec validates, the reference solution gets full marks in the
 * sandbox (and passes its own gradient check), the starter does not, and every known mistake
 * loses points and triggers its hint.
 */
export async function checkExercise(id: string): Promise<CheckProblem[]> {
  let exercise: LoadedExercise;
  try {
    exercise = loadExercise(id);
  } catch (error) {
    if (error instanceof ContentError)
      return [{ file: error.file, line: error.line ?? 1, message: error.detail }];
    throw error;
  }
  const problems: CheckProblem[] = [];
  // Points are the cases' (spec.ts); the statement's frontmatter repeats the total for pages
  // that do not load specs, so the two must agree.
  const casePoints = exercise.spec.cases.reduce((sum, c) => sum + c.points, 0);
  if (exercise.meta.points !== casePoints) {
    const statement = exercise.starterFile.replace(/starter\.ts$/, 'exercise.mdx');
    problems.push({
      file: statement,
      line: lineOf(statement, /^points:/),
      message: `frontmatter says points: ${exercise.meta.points}, but the cases in spec.ts add up to ${casePoints}`,
    });
  }
  const grade = (file: string) =>
    gradeSubmission({ exerciseId: id, code: fs.readFileSync(file, 'utf8'), language: 'ts' });

  const reference = await grade(exercise.solutionFile);
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
  if (starter.status === 'graded' && starter.score === starter.maxScore) {
    problems.push({ file: exercise.starterFile, line: 1, message: 'the starter already gets full marks' });
  }

  for (const mistake of exercise.mistakes) {
    const result = await gradeHostFunctions(exercise, mistake.functions);
    const line = lineOf(mistake.file, /\bhint\b/);
    if (result.score === result.maxScore) {
      problems.push({
        file: mistake.file,
        line,
        message: 'this known mistake loses no points: no case tells it apart',
      });
    }
    if (!result.tests.some((t) => t.hints?.includes(mistake.hint))) {
      problems.push({
        file: mistake.file,
        line,
        message: 'its hint is never shown: no failing case matches its outputs',
      });
    }
  }
  return problems;
}

/** Checks the given exercises, or all of them. */
export async function checkExercises(ids?: string[]): Promise<Map<string, CheckProblem[]>> {
  const all = ids && ids.length > 0 ? ids : listExercises().map((e) => e.id);
  const results = new Map<string, CheckProblem[]>();
  for (const id of all) results.set(id, await checkExercise(id));
  return results;
}
