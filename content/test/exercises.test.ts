import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exerciseSources, listExercises, readExerciseMeta, readPublicExercise } from '../src/index.ts';

describe('exercise folders', () => {
  it('lists the affine exercise with validated frontmatter', () => {
    const affine = listExercises().find((e) => e.id === 'affine-layer');
    expect(affine).toEqual({
      id: 'affine-layer',
      title: 'The affine layer',
      topic: 'backpropagation',
      lecture: 'linear-classifiers',
    });
  });

  it('exposes the statement and starter, and keeps the solution out of the public view', () => {
    const exercise = readPublicExercise('affine-layer');
    expect(exercise.statement).toContain('affineForward');
    expect(exercise.starter).toContain('export function affineBackward');
    expect(JSON.stringify(exercise)).not.toContain('const db = dout.sum({ axis: 0 });');
    const sources = exerciseSources('affine-layer');
    expect(fs.readFileSync(sources.solutionFile, 'utf8')).toContain('dout.sum({ axis: 0 })');
    expect(sources.mistakes.length).toBeGreaterThanOrEqual(4);
  });

  describe('a malformed folder', () => {
    let dir: string | undefined;
    afterEach(() => {
      delete process.env.GRADLAB_CONTENT_DIR;
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });
    const make = (frontmatter: string, files: string[] = ['starter.ts', 'solution.ts', 'spec.ts']) => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-ex-'));
      fs.mkdirSync(path.join(dir, 'lectures'));
      fs.writeFileSync(path.join(dir, 'package.json'), '{}');
      const ex = path.join(dir, 'exercises', 'bad-one');
      fs.mkdirSync(ex, { recursive: true });
      fs.writeFileSync(path.join(ex, 'exercise.mdx'), `---\n${frontmatter}\n---\nText\n`);
      for (const f of files) fs.writeFileSync(path.join(ex, f), '');
      process.env.GRADLAB_CONTENT_DIR = dir;
    };

    it('names the file, line and field', () => {
      make('title: T\ntopic: 7\nlecture: linear-classifiers');
      expect(() => readExerciseMeta('bad-one')).toThrow(/bad-one\/exercise\.mdx:1: frontmatter: "topic"/);
    });

    it('refuses points in the frontmatter: they are declared once, per case in spec.ts', () => {
      make('title: T\ntopic: t\npoints: 10\nlecture: linear-classifiers');
      expect(() => readExerciseMeta('bad-one')).toThrow(
        /bad-one\/exercise\.mdx:4: frontmatter: "points" is not set here: .* cases' points in spec\.ts/,
      );
    });

    it('names a missing file', () => {
      make('title: T\ntopic: t\nlecture: x', ['starter.ts']);
      expect(() => exerciseSources('bad-one')).toThrow(/bad-one\/spec\.ts: missing/);
    });

    it('refuses ids that are not folder names', () => {
      expect(() => readExerciseMeta('../../etc')).toThrow(/not an exercise id/);
    });
  });
});
