import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exerciseSources } from '@gradlab/content';
import { afterAll, describe, expect, it } from 'vitest';
import { createGraderPool } from '../../src/process-pool.ts';

const code = fs.readFileSync(exerciseSources('affine-layer').solutionFile, 'utf8');
const request = (source = code, language: 'ts' | 'js' = 'ts') => ({
  exerciseId: 'affine-layer',
  code: source,
  language,
});

describe('the grading-process pool', () => {
  const pool = createGraderPool({ size: 2 });
  afterAll(() => pool.close());

  it('grades queued submissions in child processes, in any number', async () => {
    const requests = Array.from({ length: 6 }, (_, i) =>
      request(i % 2 === 0 ? code : code.replace('dout.sum({ axis: 0 })', 'dout.mean({ axis: 0 })')),
    );
    const results = await Promise.all(requests.map((r) => pool.grade(r)));
    expect(results.map((r) => r.score)).toEqual([10, 2, 10, 2, 10, 2]);
    expect(pool.size).toBe(2);
    expect(pool.stats().rssBytes).toHaveLength(2);
  }, 60_000);

  it("runs gradlab check on an exercise folder in a grading process (the instructor page's report)", async () => {
    const report = await pool.check('affine-layer');
    expect(report.problems).toEqual([]);
    expect(report.reference).toEqual({ score: 10, maxScore: 10, status: 'graded' });
    expect(report.mistakes.map((m) => m.name)).toContain('db-mean');
    expect(report.mistakes.every((m) => m.hintFired && m.score < m.maxScore)).toBe(true);
    const missing = await pool.check('no-such-exercise');
    expect(missing.problems[0]?.message).toBe('no such exercise');
    expect((await pool.grade(request())).score).toBe(10);
  }, 120_000);

  it('survives a hostile submission and keeps grading', async () => {
    const loop = await pool.grade(request('while (true) {}', 'js'));
    expect(loop.status).toBe('timeout');
    const next = await pool.grade(request());
    expect(next.score).toBe(10);
  }, 60_000);
});

describe('process limits', () => {
  it('kills a grading that overruns its time budget, answers timeout, and goes on with a new process', async () => {
    const pool = createGraderPool({ size: 1, graceMs: 0 });
    try {
      const killed = await pool.grade({ ...request(), limits: { totalTimeMs: 1 } });
      expect(killed.status).toBe('timeout');
      expect(killed.message).toMatch(/did not finish within .* and was stopped/);
      expect(killed.maxScore).toBe(10);
      expect(pool.stats().replaced.killed).toBe(1);
      const next = await pool.grade(request());
      expect(next.score).toBe(10);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('recycles a process after its share of gradings', async () => {
    const pool = createGraderPool({ size: 1, maxGradingsPerProcess: 2 });
    try {
      for (let i = 0; i < 5; i++) expect((await pool.grade(request())).score).toBe(10);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(pool.stats().replaced.recycled).toBe(2);
      expect(pool.stats().started).toBe(3);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('rejects work after close', async () => {
    const pool = createGraderPool({ size: 1 });
    await pool.close();
    await expect(pool.grade(request())).rejects.toThrow(/closed/);
  });
});

describe('gradlab grade', () => {
  const cli = fileURLToPath(new URL('../../bin/gradlab.mjs', import.meta.url));
  const programs = {
    'aborts the process': 'Atomics.waitAsync(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);',
    'poisons the process': 'Array.prototype.indexOf.call({ length: 2 ** 53 - 1 }, 1);',
    'hits the catastrophic out-of-memory path': 'const a = new Array(2 ** 32 - 1); a.fill(1);',
  };
  for (const [what, body] of Object.entries(programs)) {
    it(`prints a result and exits promptly when the program ${what}`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-cli-'));
      const file = path.join(dir, 'hostile.js');
      fs.writeFileSync(
        file,
        `export function affineForward() { ${body} }\nexport function affineBackward() { return {}; }\n`,
      );
      const started = Date.now();
      const run = spawnSync(process.execPath, [cli, 'grade', 'affine-layer', file, '--json'], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).toBe(0);
      expect(Date.now() - started).toBeLessThan(45_000);
      const result = JSON.parse(run.stdout) as { status: string; score: number; maxScore: number };
      expect(result.score).toBe(0);
      expect(result.maxScore).toBe(10);
      expect(['graded', 'timeout', 'memory_limit']).toContain(result.status);
    }, 70_000);
  }
});
