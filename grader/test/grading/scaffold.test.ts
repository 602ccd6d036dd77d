/**
 * `gradlab new` then `gradlab check`: the scaffold is refused while a TODO(author) is left and
 * proven once they are filled in (here: removed), in a content folder of its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentRoot } from '@gradlab/content';
import { afterAll, describe, expect, it } from 'vitest';
import { checkExerciseReport } from '../../src/check.ts';
import { cachedExercise } from '../../src/grade.ts';
import { runKit } from '../../src/run-kit-server.ts';
import { ScaffoldError, scaffoldExercise } from '../../src/scaffold.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-content-'));
const real = contentRoot();
fs.mkdirSync(path.join(root, 'lectures'));
fs.mkdirSync(path.join(root, 'exercises'));
fs.copyFileSync(path.join(real, 'package.json'), path.join(root, 'package.json'));
fs.copyFileSync(path.join(real, 'lectures', 'training.mdx'), path.join(root, 'lectures', 'training.mdx'));
const previous = process.env.GRADLAB_CONTENT_DIR;
process.env.GRADLAB_CONTENT_DIR = root;

afterAll(() => {
  if (previous === undefined) delete process.env.GRADLAB_CONTENT_DIR;
  else process.env.GRADLAB_CONTENT_DIR = previous;
  fs.rmSync(root, { recursive: true, force: true });
});

describe('gradlab new', () => {
  it('scaffolds a folder that check proves once the TODO(author) markers are filled in', async () => {
    const created = scaffoldExercise('scaled-square', { lecture: 'training' });
    expect(created.files.map((f) => path.relative(created.dir, f)).sort()).toEqual([
      'exercise.mdx',
      'mistakes/missing-factor.ts',
      'solution.ts',
      'spec.ts',
      'starter.ts',
    ]);
    const before = await checkExerciseReport('scaled-square');
    expect(before.problems.map((p) => `${path.basename(p.file)}: ${p.message}`).sort()).toEqual([
      'exercise.mdx: a TODO(author) is left to fill in',
      'missing-factor.ts: a TODO(author) is left to fill in',
      'solution.ts: a TODO(author) is left to fill in',
      'spec.ts: a TODO(author) is left to fill in',
    ]);
    for (const file of created.files)
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/TODO\(author\):? ?/g, ''));
    const after = await checkExerciseReport('scaled-square');
    expect(after.problems).toEqual([]);
    expect(after.reference).toEqual({ score: 10, maxScore: 10, status: 'graded' });
    expect(after.cases).toEqual({ public: 2, hidden: 3 });
    expect(after.mistakes).toEqual([{ name: 'missing-factor', score: 2, maxScore: 10, hintFired: true }]);
  }, 60_000);

  it('reports a statement whose formula KaTeX cannot render, as a problem of exercise.mdx', async () => {
    const created = scaffoldExercise('bad-formula', { lecture: 'training' });
    const statement = path.join(created.dir, 'exercise.mdx');
    fs.writeFileSync(statement, `${fs.readFileSync(statement, 'utf8')}\nBroken: $\\frac{1}{$ here.\n`);
    const report = await checkExerciseReport('bad-formula');
    expect(report.problems.some((p) => p.file === statement && /MDX\/KaTeX/.test(p.message))).toBe(true);
  }, 60_000);

  it('reports a known mistake that does not compile at its file and line, instead of crashing', async () => {
    const created = scaffoldExercise('broken-mistake', { lecture: 'training' });
    const mistake = path.join(created.dir, 'mistakes', 'missing-factor.ts');
    // an apostrophe inside a single-quoted hint: the file no longer parses
    fs.writeFileSync(mistake, "export const hint = 'it's wrong';\nexport function f() {}\n");
    const report = await checkExerciseReport('broken-mistake');
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ file: mistake, line: 1 });
    expect(report.problems[0]?.message).toMatch(/^does not compile: /);
  }, 60_000);

  it('reloads an exercise whose folder changed while the process runs (a regrade then uses the new spec)', async () => {
    const created = scaffoldExercise('edited-live', { lecture: 'training' });
    for (const file of created.files)
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/TODO\(author\):? ?/g, ''));
    const first = cachedExercise('edited-live');
    expect(cachedExercise('edited-live')).toBe(first);
    const kit = await runKit('edited-live');
    const spec = path.join(created.dir, 'spec.ts');
    fs.writeFileSync(spec, fs.readFileSync(spec, 'utf8').replace(/points: 2,/, 'points: 3,'));
    const second = cachedExercise('edited-live');
    expect(second).not.toBe(first);
    expect(second.spec.cases.reduce((sum, c) => sum + c.points, 0)).toBe(
      first.spec.cases.reduce((sum, c) => sum + c.points, 0) + 1,
    );
    expect(await runKit('edited-live')).not.toBe(kit);
  }, 60_000);

  it('refuses a bad id, an unknown lecture and an existing folder', () => {
    expect(() => scaffoldExercise('Bad Id')).toThrow(ScaffoldError);
    expect(() => scaffoldExercise('fine-id', { lecture: 'no-such-lecture' })).toThrow(
      /no lecture "no-such-lecture"/,
    );
    scaffoldExercise('twice');
    expect(() => scaffoldExercise('twice')).toThrow(/exists already/);
  });
});
