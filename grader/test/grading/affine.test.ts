import fs from 'node:fs';
import path from 'node:path';
import { exerciseSources } from '@gradlab/content';
import { describe, expect, it } from 'vitest';
import { checkExercise } from '../../src/check.ts';
import { gradeSubmission } from '../../src/grade.ts';

const sources = exerciseSources('affine-layer');
const solution = fs.readFileSync(sources.solutionFile, 'utf8');
const grade = (code: string, options: { publicOnly?: boolean; language?: 'ts' | 'js' } = {}) =>
  gradeSubmission({ exerciseId: 'affine-layer', code, language: options.language ?? 'ts', ...options });

describe('grading the affine exercise in the sandbox', () => {
  it('gives the reference solution full marks, with a passing self gradient check', async () => {
    const result = await grade(solution);
    expect(result.status).toBe('graded');
    expect(result.score).toBe(result.maxScore);
    expect(result.maxScore).toBe(10);
    expect(result.tests.map((t) => t.visibility)).toContain('hidden');
    const self = result.tests.find((t) => t.maxPoints === 0);
    expect(self?.passed).toBe(true);
    expect(self?.message).toMatch(/backward agrees with forward/);
  });

  it('explains a wrong output with index, expected and actual values, and its known-mistake hint', async () => {
    const code = solution.replace('dout.sum({ axis: 0 })', 'dout.mean({ axis: 0 })');
    const result = await grade(code);
    const first = result.tests[0];
    expect(first?.passed).toBe(false);
    expect(first?.message).toMatch(
      /^affineBackward: db: max relative error \d\.\de-\d > 1\.0e-7 at index \[\d\]: expected -?[\d.]+, got -?[\d.]+$/m,
    );
    expect(first?.hints?.[0]).toMatch(/^db looks like a mean over the batch/);
    expect(first?.message).not.toMatch(/Hint/);
    // a batch of one cannot tell a mean from a sum
    expect(result.tests.find((t) => t.name === 'batch of one')?.passed).toBe(true);
  });

  it('reports hidden failures without values', async () => {
    const code = solution.replace('.add(b)', '.add(b).multiply(1.001)');
    const result = await grade(code);
    const hidden = result.tests.filter((t) => t.visibility === 'hidden');
    expect(hidden.every((t) => !t.passed)).toBe(true);
    for (const t of hidden) {
      expect(t.message).toMatch(/max relative error/);
      expect(t.message).not.toMatch(/expected|got|index/);
    }
  });

  it('runs only the public cases when asked', async () => {
    const result = await grade(solution, { publicOnly: true });
    expect(result.tests.every((t) => t.visibility === 'public')).toBe(true);
    expect(result.maxScore).toBe(4);
  });

  it('reports the learner forward/backward disagreement in the self check', async () => {
    const code = solution.replace(
      'x.reshape(n, -1).T.matmul(dout)',
      'x.reshape(n, -1).T.matmul(dout).multiply(2)',
    );
    const result = await grade(code);
    const self = result.tests.find((t) => t.maxPoints === 0);
    expect(self?.passed).toBe(false);
    expect(self?.message).toMatch(/your backward disagrees with your forward: .* dw at index \[\d+, \d+\]/);
  });

  it('detects inputs changed in place', async () => {
    const code = solution.replace(
      'const db = dout.sum({ axis: 0 });',
      'const db = dout.sum({ axis: 0 });\n  dout.fill(0);',
    );
    const result = await grade(code, { publicOnly: true });
    expect(result.tests[0]?.message).toContain('affineBackward changed its first argument in place');
  });

  it('refuses a forbidden np function with a clear message', async () => {
    const code = solution.replace(
      'x.reshape(n, -1).matmul(w).add(b)',
      "np.einsum('ij,jk->ik', x.reshape(n, -1), w).add(b)",
    );
    const result = await grade(code, { publicOnly: true });
    expect(result.tests[0]?.passed).toBe(false);
    expect(result.tests[0]?.message).toMatch(/einsum/);
  });

  it('maps a compile error to the line and column of the learner source', async () => {
    const result = await grade('export function affineForward(x) {\n  const y = x.\n}\n');
    expect(result.status).toBe('compile_error');
    expect(result.message).toMatch(/^line 3, column 1: /);
  });

  it('reports a runtime error with the learner line number', async () => {
    const code = solution.replace('const dw =', 'if (dout) throw new Error("boom");\n  const dw =');
    const result = await grade(code, { publicOnly: true });
    expect(result.status).toBe('graded');
    expect(result.tests[0]?.message).toMatch(/boom/);
    const line = code.split('\n').findIndex((l) => l.includes('boom')) + 1;
    expect(result.tests[0]?.message).toContain(`:${line}:`);
  });

  it('stops an endless loop with a timeout status', async () => {
    const code = solution.replace(
      'const n = x.shape[0] ?? 0;',
      'const n = x.shape[0] ?? 0;\n  while (n >= 0) {}',
    );
    const result = await grade(code, { publicOnly: true });
    expect(result.status).toBe('timeout');
    expect(result.score).toBe(0);
  });

  it('says which function is missing', async () => {
    const result = await grade('export function affineForward() { return {}; }', { publicOnly: true });
    expect(result.tests[0]?.message).toBe('your module does not export `affineBackward`');
  });
});

describe('gradlab check', () => {
  it('proves the affine exercise folder', async () => {
    expect(await checkExercise('affine-layer')).toEqual([]);
  });

  it('reports a known mistake that no case catches, as file:line', async () => {
    const dir = path.dirname(sources.specFile);
    const file = path.join(dir, 'mistakes', 'zz-harmless.ts');
    fs.writeFileSync(
      file,
      "export const hint = 'never shown';\nexport function affineBackward(dout: NDArray, cache: { x: NDArray; w: NDArray }) {\n  return { dx: dout.matmul(cache.w.T).reshape(cache.x.shape), dw: cache.x.reshape(cache.x.shape[0] ?? 0, -1).T.matmul(dout), db: dout.sum({ axis: 0 }) };\n}\n",
    );
    try {
      const problems = await checkExercise('affine-layer');
      expect(problems.map((p) => `${path.basename(p.file)}:${p.line}: ${p.message}`)).toEqual([
        'zz-harmless.ts:1: this known mistake loses no points: no case tells it apart',
        'zz-harmless.ts:1: its hint is never shown: no failing case matches its outputs',
      ]);
    } finally {
      fs.rmSync(file);
    }
  });

  it('refuses points in the frontmatter, as file:line: they are declared once, per case', async () => {
    const file = path.join(path.dirname(sources.specFile), 'exercise.mdx');
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, original.replace(/^topic: (.*)$/m, 'topic: $1\npoints: 12'));
    try {
      const problems = await checkExercise('affine-layer');
      expect(problems.map((p) => `${path.basename(p.file)}:${p.line}: ${p.message}`)).toEqual([
        'exercise.mdx:4: frontmatter: "points" is not set here: the exercise is worth the sum of its cases\' points in spec.ts',
      ]);
    } finally {
      fs.writeFileSync(file, original);
    }
  });
});
