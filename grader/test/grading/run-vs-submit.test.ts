/**
 * Run (the browser worker's code, here in Node) and Submit (the sandbox) on the same code must
 * agree test by test: for every exercise, its reference, its starter and every known mistake,
 * graded on the public cases by both, give the same verdicts, points, messages and hints.
 */
import fs from 'node:fs';
import { listExercises } from '@gradlab/content';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { runInBrowser } from '../../src/browser.ts';
import { cachedExercise, gradeSubmission } from '../../src/grade.ts';
import type { GradeResult } from '../../src/result.ts';
import { runKit } from '../../src/run-kit-server.ts';

/** TypeScript to CommonJS as the editor emits it for Run (ES2020). */
const toCommonJs = (source: string) =>
  transformSync(source, { loader: 'ts', format: 'cjs', target: 'es2020' }).code;

/** A known mistake as a learner's whole module: the solution with the mistake's functions in place. */
function withMistake(solution: string, mistake: string): string {
  const module = (code: string) =>
    `(function () { const module = { exports: {} }; const exports = module.exports;\n${toCommonJs(code)}\nreturn module.exports; })()`;
  return `module.exports = Object.assign({}, ${module(solution)}, ${module(mistake)});\n`;
}

const verdicts = (result: GradeResult) =>
  result.tests.map((t) => ({
    name: t.name,
    passed: t.passed,
    points: t.points,
    maxPoints: t.maxPoints,
    message: t.message,
    hints: t.hints ?? [],
  }));

describe('Run and Submit agree on every exercise', () => {
  for (const { id } of listExercises()) {
    it(`${id}: reference, starter and every known mistake`, async () => {
      const exercise = cachedExercise(id);
      const kit = await runKit(id);
      const solution = fs.readFileSync(exercise.solutionFile, 'utf8');
      const programs = [
        { what: 'reference', js: toCommonJs(solution) },
        { what: 'starter', js: toCommonJs(fs.readFileSync(exercise.starterFile, 'utf8')) },
        ...exercise.mistakes.map((m) => ({
          what: `mistake ${m.name}`,
          js: withMistake(solution, fs.readFileSync(m.file, 'utf8')),
        })),
      ];
      let failuresWithHints = 0;
      for (const { what, js } of programs) {
        const run = await runInBrowser(kit, js);
        failuresWithHints += run.tests.filter((t) => !t.passed && (t.hints?.length ?? 0) > 0).length;
        const submit = await gradeSubmission({ exerciseId: id, code: js, language: 'js', publicOnly: true });
        expect({ what, status: run.status }).toEqual({ what, status: submit.status });
        expect({ what, tests: verdicts(run) }).toEqual({ what, tests: verdicts(submit) });
      }
      // the comparison is not vacuous: the known mistakes fail public cases with their hints
      if (exercise.mistakes.length > 0) expect(failuresWithHints).toBeGreaterThan(0);
    }, 120_000);
  }
});
