import fs from 'node:fs';
import { exerciseSources } from '@gradlab/content';
import { afterAll, describe, expect, it } from 'vitest';
import { createGraderPool } from '../../src/pool.ts';

const code = fs.readFileSync(exerciseSources('affine-layer').solutionFile, 'utf8');

describe('the grader worker pool', () => {
  const pool = createGraderPool({ size: 2 });
  afterAll(() => pool.close());

  it('grades queued submissions on worker threads, in any number', async () => {
    const requests = Array.from({ length: 6 }, (_, i) => ({
      exerciseId: 'affine-layer',
      code: i % 2 === 0 ? code : code.replace('dout.sum({ axis: 0 })', 'dout.mean({ axis: 0 })'),
      language: 'ts' as const,
    }));
    const results = await Promise.all(requests.map((r) => pool.grade(r)));
    expect(results.map((r) => r.score)).toEqual([10, 2, 10, 2, 10, 2]);
    expect(pool.size).toBe(2);
  });

  it('survives a hostile submission and keeps grading', async () => {
    const loop = await pool.grade({ exerciseId: 'affine-layer', code: 'while (true) {}', language: 'js' });
    expect(loop.status).toBe('timeout');
    const next = await pool.grade({ exerciseId: 'affine-layer', code, language: 'ts' });
    expect(next.score).toBe(10);
  });
});
