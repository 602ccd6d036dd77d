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
const exerciseDir = path.join(repoRoot, 'content', 'exercises', exercise);

function codeLines(source: string): string[] {
  return source
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length >= 16 && !line.startsWith('//') && !line.startsWith('*'));
}

function secrets(): { what: string; text: string }[] {
  const publicText = exerciseFile(exercise, 'exercise.mdx') + exerciseFile(exercise, 'starter.ts');
  const out: { what: string; text: string }[] = [];
  for (const line of codeLines(exerciseFile(exercise, 'solution.ts'))) {
    if (!publicText.includes(line)) out.push({ what: 'solution code', text: line });
  }
  const spec = exerciseFile(exercise, 'spec.ts');
  for (const match of spec.matchAll(/name: '([^']+)',\s*visibility: 'hidden'/g)) {
    out.push({ what: 'hidden case name', text: match[1] ?? '' });
  }
  for (const file of fs.readdirSync(path.join(exerciseDir, 'mistakes'))) {
    const source = fs.readFileSync(path.join(exerciseDir, 'mistakes', file), 'utf8');
    for (const line of codeLines(source)) {
      if (!publicText.includes(line) && !line.startsWith('export const hint')) {
        out.push({ what: `code of ${file}`, text: line });
      }
    }
  }
  return out;
}

function leaks(text: string): string[] {
  return secrets()
    .filter((s) => text.includes(s.text))
    .map((s) => `${s.what}: ${s.text}`);
}

test('the secrets are non-trivial (the check below can fail)', () => {
  const all = secrets();
  expect(all.filter((s) => s.what === 'hidden case name').length).toBe(3);
  expect(all.filter((s) => s.what === 'solution code').length).toBeGreaterThan(3);
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
  const found = files.flatMap((file) => leaks(fs.readFileSync(file, 'utf8')).map((l) => `${file}: ${l}`));
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
  void page;
});
