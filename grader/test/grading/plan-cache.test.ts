/**
 * The server's test plan is computed once per loaded version of an exercise (inputs, reference
 * outputs, known mistakes' outputs) and shared by its gradings: a grading must not be able to
 * change it, and an edited exercise folder must give a new one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentRoot, exerciseSources } from '@gradlab/content';
import type { NDArray } from '@gradlab/kernels';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedExercise, gradeSubmission, serverPlan } from '../../src/grade.ts';
import { scaffoldExercise } from '../../src/scaffold.ts';

function values(tree: Record<string, unknown>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [key, value] of Object.entries(tree))
    if (value && typeof value === 'object' && 'toTypedArray' in value)
      out[key] = [...(value as NDArray).toTypedArray()];
  return out;
}

describe('the cached test plan of a shipped exercise', () => {
  it('is computed once: inputs and reference outputs are shared by the plans of one version', () => {
    const exercise = cachedExercise('affine-layer');
    const a = serverPlan(exercise);
    const b = serverPlan(exercise);
    expect(b.cases[0]?.inputs).toBe(a.cases[0]?.inputs);
    expect(b.expected(3)).toBe(a.expected(3));
    expect(b.mistakes(3)).toBe(a.mistakes(3));
    expect(b.gradcheckInputs).toBe(a.gradcheckInputs);
  });

  it('maps the cases of a public-only plan to their own reference outputs', () => {
    const exercise = cachedExercise('affine-layer');
    const full = serverPlan(exercise);
    const publicOnly = serverPlan(exercise, { publicOnly: true });
    expect(publicOnly.cases.map((c) => c.name)).toEqual(
      full.cases.filter((c) => c.visibility === 'public').map((c) => c.name),
    );
    publicOnly.cases.forEach((c, i) => {
      const j = full.cases.findIndex((f) => f.name === c.name);
      expect(publicOnly.expected(i)).toBe(full.expected(j));
      expect(publicOnly.cases[i]?.inputs).toBe(full.cases[j]?.inputs);
    });
  });

  it('is not changed by a program that changes its inputs in place', async () => {
    const exercise = cachedExercise('affine-layer');
    const plan = serverPlan(exercise);
    const before = plan.cases.map((c, i) => ({
      inputs: values(c.inputs),
      expected: values(plan.expected(i)),
    }));
    const mutating = `
export function affineForward(x: NDArray, w: NDArray, b: NDArray) {
  x.fill(0);
  w.fill(1);
  const n = x.shape[0] ?? 0;
  return { out: x.reshape(n, -1).matmul(w).add(b), cache: { x, w } };
}
export function affineBackward(dout: NDArray, cache: { x: NDArray; w: NDArray }) {
  dout.fill(3);
  const n = cache.x.shape[0] ?? 0;
  return { dx: dout.matmul(cache.w.T).reshape(cache.x.shape), dw: cache.x.reshape(n, -1).T.matmul(dout), db: dout.sum({ axis: 0 }) };
}`;
    const result = await gradeSubmission({ exerciseId: 'affine-layer', code: mutating, language: 'ts' });
    expect(result.status).toBe('graded');
    expect(result.score).toBe(0);
    const after = serverPlan(exercise);
    expect(
      after.cases.map((c, i) => ({ inputs: values(c.inputs), expected: values(after.expected(i)) })),
    ).toEqual(before);
    // and the reference still gets full marks after it
    const reference = fs.readFileSync(exerciseSources('affine-layer').solutionFile, 'utf8');
    const again = await gradeSubmission({ exerciseId: 'affine-layer', code: reference, language: 'ts' });
    expect(again.score).toBe(again.maxScore);
  }, 30_000);
});

describe('the cached test plan of an edited exercise', () => {
  let root = '';
  let previous: string | undefined;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-plan-'));
    const real = contentRoot();
    fs.mkdirSync(path.join(root, 'lectures'));
    fs.mkdirSync(path.join(root, 'exercises'));
    fs.copyFileSync(path.join(real, 'package.json'), path.join(root, 'package.json'));
    fs.copyFileSync(path.join(real, 'lectures', 'training.mdx'), path.join(root, 'lectures', 'training.mdx'));
    previous = process.env.GRADLAB_CONTENT_DIR;
    process.env.GRADLAB_CONTENT_DIR = root;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.GRADLAB_CONTENT_DIR;
    else process.env.GRADLAB_CONTENT_DIR = previous;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('uses the new reference outputs and hints once the solution or a mistake changed', async () => {
    const created = scaffoldExercise('plan-edit', { lecture: 'training' });
    for (const file of created.files)
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/TODO\(author\):? ?/g, ''));
    const solutionFile = path.join(created.dir, 'solution.ts');
    const mistakeFile = path.join(created.dir, 'mistakes', 'missing-factor.ts');
    const learner = fs.readFileSync(solutionFile, 'utf8');
    const halfDx = learner.replace('.multiply(dout).multiply(2)', '.multiply(dout)');
    const grade = (code: string) => gradeSubmission({ exerciseId: 'plan-edit', code, language: 'ts' });

    const first = await grade(learner);
    expect(first.score).toBe(first.maxScore);
    const hinted = await grade(halfDx);
    expect(hinted.tests[0]?.hints).toEqual(['dx is half of what it should be: the derivative of x^2 is 2x.']);

    // the author changes the reference (out = 3 x^2) and the mistake's hint
    fs.writeFileSync(
      solutionFile,
      learner.replace('x.multiply(x)', 'x.multiply(x).multiply(3)').replace('.multiply(2)', '.multiply(6)'),
    );
    fs.writeFileSync(
      mistakeFile,
      fs
        .readFileSync(mistakeFile, 'utf8')
        .replace("export const hint = '", "export const hint = 'Edited: ")
        .replace('cache.x.multiply(dout)', 'cache.x.multiply(dout).multiply(3)'),
    );
    const second = await grade(learner);
    // every case but the one of zeros (where 3 x^2 = x^2) fails against the new reference
    expect(second.score).toBe(2);
    expect(second.tests[0]?.passed).toBe(false);
    expect(second.tests[0]?.message).toMatch(/^planEditForward: out/);
    const halfOfNew = learner
      .replace('x.multiply(x)', 'x.multiply(x).multiply(3)')
      .replace('.multiply(2)', '.multiply(3)');
    const rehinted = await grade(halfOfNew);
    expect(rehinted.tests[0]?.hints).toEqual([
      'Edited: dx is half of what it should be: the derivative of x^2 is 2x.',
    ]);
  }, 60_000);
});
