/**
 * Grades every exercise's known programs (reference, starter, known mistakes) as Submit does, on
 * the public cases, and prints them with their verdicts as JSON: the browser differential test
 * (e2e/tests/run-chromium-vs-submit.spec.ts) runs the same programs through the real Run worker
 * in Chromium and compares. Run with `node --no-node-snapshot --import tsx` (isolated-vm).
 */
import { listExercises } from '@gradlab/content';
import { gradeSubmission } from '../src/grade.ts';
import { knownPrograms, verdicts } from '../src/known-programs.ts';

const only = process.argv.slice(2);
const out = [];
for (const { id } of listExercises()) {
  if (only.length > 0 && !only.includes(id)) continue;
  for (const { what, js } of knownPrograms(id)) {
    const submit = await gradeSubmission({ exerciseId: id, code: js, language: 'js', publicOnly: true });
    out.push({ exercise: id, what, js, status: submit.status, tests: verdicts(submit) });
  }
}
process.stdout.write(JSON.stringify(out));
