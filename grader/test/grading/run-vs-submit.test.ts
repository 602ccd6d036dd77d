/**
 * Run (the browser worker's code, here in Node) and Submit (the sandbox) on the same code must
 * agree test by test: for every exercise, its reference, its starter and every known mistake,
 * graded on the public cases by both, give the same verdicts, points, messages and hints.
 */
import { listExercises } from '@gradlab/content';
import { describe, expect, it } from 'vitest';
import { runInBrowser } from '../../src/browser.ts';
import { cachedExercise, gradeSubmission } from '../../src/grade.ts';
import { knownPrograms, verdicts } from '../../src/known-programs.ts';
import { runKit } from '../../src/run-kit-server.ts';

describe('Run and Submit agree on every exercise', () => {
  for (const { id } of listExercises()) {
    it(`${id}: reference, starter and every known mistake`, async () => {
      const exercise = cachedExercise(id);
      const kit = await runKit(id);
      const programs = knownPrograms(id);
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
