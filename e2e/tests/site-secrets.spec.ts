import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { exerciseFile, repoRoot, signUpByApi, submitAndWait } from '../fixtures/site.ts';

/**
 * Nothing secret reaches a browser: the client bundles of the production build and what a
 * student's requests return never contain the reference solution's code, hidden case names,
 * or the known mistakes' code. (A known mistake's hint is not secret: Run shows it on a public
 * case exactly as Submit does, so the Run kit carries the hints with the mistakes' outputs on
 * the public cases.)
 */

const exercise = 'affine-layer';
const exercisesDir = path.join(repoRoot, 'content', 'exercises');
const allExercises = fs
  .readdirSync(exercisesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

function codeLines(source: string): string[] {
  return source
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length >= 16 && !line.startsWith('//') && !line.startsWith('*'));
}

/** The secrets of one exercise: its solution's code, its hidden case names, its mistakes' code. */
function secretsOf(id: string): { what: string; text: string }[] {
  const dir = path.join(exercisesDir, id);
  const publicText = exerciseFile(id, 'exercise.mdx') + exerciseFile(id, 'starter.ts');
  const out: { what: string; text: string }[] = [];
  for (const line of codeLines(exerciseFile(id, 'solution.ts'))) {
    if (!publicText.includes(line)) out.push({ what: `solution code of ${id}`, text: line });
  }
  const spec = exerciseFile(id, 'spec.ts');
  for (const match of spec.matchAll(/name: ['"]([^'"]+)['"],\s*visibility: ['"]hidden['"]/g)) {
    const name = match[1] ?? '';
    if (!publicText.includes(name)) out.push({ what: `hidden case name of ${id}`, text: name });
  }
  for (const file of fs.readdirSync(path.join(dir, 'mistakes'))) {
    const source = fs.readFileSync(path.join(dir, 'mistakes', file), 'utf8');
    for (const line of codeLines(source)) {
      if (!publicText.includes(line) && !line.startsWith('export const hint') && !/^['"]/.test(line)) {
        out.push({ what: `code of ${id}/${file}`, text: line });
      }
    }
  }
  return out;
}

const questionsDir = path.join(repoRoot, 'content', 'questions');
const allQuestions = fs
  .readdirSync(questionsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

/**
 * The secrets of a question: its generator's code (keys are computed there) and the fixed text
 * of its worked solution (the pieces between `{{parameters}}`), where the prompt does not say
 * the same.
 */
function questionSecretsOf(id: string): { what: string; text: string }[] {
  const read = (file: string) => fs.readFileSync(path.join(questionsDir, id, file), 'utf8');
  const prompt = read('question.mdx');
  const out: { what: string; text: string }[] = [];
  for (const line of codeLines(read('question.ts')))
    if (!prompt.includes(line) && !/^(import|export default|const question)/.test(line))
      out.push({ what: `generator code of ${id}`, text: line });
  for (const line of read('solution.mdx').split('\n'))
    for (const piece of line.split(/\{\{[^}]+\}\}|\$/))
      if (piece.trim().length >= 20 && !prompt.includes(piece.trim()))
        out.push({ what: `worked solution of ${id}`, text: piece.trim() });
  return out;
}

function questionLeaks(id: string, text: string): string[] {
  return questionSecretsOf(id)
    .filter((s) => text.includes(s.text))
    .map((s) => `${s.what}: ${s.text}`);
}

function secrets(): { what: string; text: string }[] {
  return secretsOf(exercise);
}

/** The secrets of `id` found in `text`. */
function leaksOf(id: string, text: string): string[] {
  return secretsOf(id)
    .filter((s) => text.includes(s.text))
    .map((s) => `${s.what}: ${s.text}`);
}

function leaks(text: string): string[] {
  return leaksOf(exercise, text);
}

test('the secrets are non-trivial (the check below can fail)', () => {
  const all = secrets();
  expect(all.filter((s) => s.what.startsWith('hidden case name')).length).toBe(3);
  expect(all.filter((s) => s.what.startsWith('solution code')).length).toBeGreaterThan(3);
  expect(allExercises.length).toBeGreaterThan(10);
  for (const id of allExercises) expect(secretsOf(id).length, id).toBeGreaterThan(5);
  expect(all.filter((s) => s.what.startsWith('code of ')).length).toBeGreaterThan(4);
});

test('no client bundle of the build contains a secret', () => {
  const distDir = path.join(repoRoot, 'apps', 'web', process.env.NEXT_DIST_DIR ?? '.next', 'static');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) files.push(full);
    }
  };
  walk(distDir);
  expect(files.length).toBeGreaterThan(5);
  const found = files.flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return [
      ...allExercises.flatMap((id) => leaksOf(id, text).map((l) => `${file}: ${l}`)),
      ...allQuestions.flatMap((id) => questionLeaks(id, text).map((l) => `${file}: ${l}`)),
    ];
  });
  expect(found).toEqual([]);
});

test('no student response contains a secret', async ({ request, baseURL, page }) => {
  test.setTimeout(60_000);
  await signUpByApi(request, baseURL ?? '');
  const responses: Record<string, string> = {};
  const kit = await request.get(`/api/exercises/${exercise}/kit`);
  expect(kit.status()).toBe(200);
  responses.kit = await kit.text();
  const submission = await submitAndWait(request, exerciseFile(exercise, 'starter.ts'));
  expect(submission.status).toBe('graded');
  responses.submission = JSON.stringify(submission);
  responses.history = await (await request.get(`/api/submissions?exerciseId=${exercise}`)).text();
  responses.draft = await (await request.get(`/api/exercises/${exercise}/draft`)).text();
  responses.exercisePage = await (await request.get(`/exercises/${exercise}`)).text();
  responses.submissionPage = await (await request.get(`/submissions/${submission.id}`)).text();
  responses.home = await (await request.get('/')).text();
  // The hidden tests were graded, and reported without their names.
  expect(responses.submission).toContain('hidden test 3');
  for (const [name, text] of Object.entries(responses)) expect(leaks(text), name).toEqual([]);
  // every exercise's Run kit and page, against that exercise's secrets
  for (const id of allExercises) {
    const kitText = await (await request.get(`/api/exercises/${id}/kit`)).text();
    const pageText = await (await request.get(`/exercises/${id}`)).text();
    expect(leaksOf(id, kitText), `${id} kit`).toEqual([]);
    expect(leaksOf(id, pageText), `${id} page`).toEqual([]);
  }
  void page;
});

test('no question key or worked solution reaches a browser before grading (and the scan sees them after)', async ({
  request,
  baseURL,
}) => {
  test.setTimeout(90_000);
  for (const id of allQuestions) expect(questionSecretsOf(id).length, id).toBeGreaterThan(2);
  await signUpByApi(request, baseURL ?? '');
  for (const id of allQuestions) {
    const practice = await (await request.get(`/questions/${id}?seed=5`)).text();
    expect(questionLeaks(id, practice), `${id} practice page`).toEqual([]);
  }
  const json = (data: unknown) => ({ data, headers: { 'content-type': 'application/json' } });
  const started = await request.post('/api/assessments/warm-up-quiz/attempts', json({ mode: 'timed' }));
  const { id: attemptId } = (await started.json()) as { id: string };
  const view = await (await request.get(`/api/attempts/${attemptId}`)).text();
  const page = await (await request.get(`/attempts/${attemptId}`)).text();
  const drawn = (JSON.parse(view) as { questions: { questionId: string }[] }).questions.map(
    (q) => q.questionId,
  );
  expect(drawn.length).toBe(5);
  for (const id of drawn) {
    expect(questionLeaks(id, view), `${id} in the attempt API`).toEqual([]);
    expect(questionLeaks(id, page), `${id} on the attempt page`).toEqual([]);
  }
  expect(
    (await request.post(`/api/attempts/${attemptId}/practice/0`, json({ responses: {} }))).status(),
  ).toBe(403);
  // after submitting, the review shows the worked solutions: the scan finds them
  await request.post(`/api/attempts/${attemptId}/submit`);
  const review = await (await request.get(`/api/attempts/${attemptId}`)).text();
  expect(drawn.some((id) => questionLeaks(id, review).length > 0)).toBe(true);
});
