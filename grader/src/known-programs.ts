import fs from 'node:fs';
import { transformSync } from 'esbuild';
import { cachedExercise } from './grade.ts';
import type { GradeResult } from './result.ts';

/**
 * The programs whose grading Run and Submit must agree on (the differential tests): an
 * exercise's reference, its starter and each known mistake, as the JavaScript a learner's Run
 * sends (CommonJS, ES2020, as the editor emits it).
 */

/** TypeScript to CommonJS as the editor emits it for Run (ES2020). */
export const toCommonJs = (source: string): string =>
  transformSync(source, { loader: 'ts', format: 'cjs', target: 'es2020' }).code;

/** A known mistake as a learner's whole module: the solution with the mistake's functions in place. */
export function withMistake(solution: string, mistake: string): string {
  const module = (code: string) =>
    `(function () { const module = { exports: {} }; const exports = module.exports;\n${toCommonJs(code)}\nreturn module.exports; })()`;
  return `module.exports = Object.assign({}, ${module(solution)}, ${module(mistake)});\n`;
}

export interface KnownProgram {
  /** "reference", "starter" or "mistake <name>" */
  what: string;
  js: string;
}

export function knownPrograms(exerciseId: string): KnownProgram[] {
  const exercise = cachedExercise(exerciseId);
  const solution = fs.readFileSync(exercise.solutionFile, 'utf8');
  return [
    { what: 'reference', js: toCommonJs(solution) },
    { what: 'starter', js: toCommonJs(fs.readFileSync(exercise.starterFile, 'utf8')) },
    ...exercise.mistakes.map((m) => ({
      what: `mistake ${m.name}`,
      js: withMistake(solution, fs.readFileSync(m.file, 'utf8')),
    })),
  ];
}

/** What both sides must agree on, test by test. */
export const verdicts = (result: Pick<GradeResult, 'tests'>) =>
  result.tests.map((t) => ({
    name: t.name,
    passed: t.passed,
    points: t.points,
    maxPoints: t.maxPoints,
    message: t.message,
    hints: t.hints ?? [],
  }));
