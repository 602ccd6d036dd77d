/**
 * Runs every program of the hostile corpus (test/hostile/programs) through a long-lived pool of
 * grading processes, the set-up the site uses: each must end with its expected status and a
 * clear message, a normal program must grade correctly after each one, and at the end the pool's
 * processes must be back near their baseline memory and the pool must still grade.
 */
import fs from 'node:fs';
import { exerciseSources } from '@gradlab/content';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraderPool } from '../../src/process-pool.ts';
import type { SandboxLimits } from '../../src/sandbox/index.ts';
import { loadPrograms } from './corpus.ts';

const LIMITS: Partial<SandboxLimits> = {
  memoryMb: 32,
  callTimeoutMs: 250,
  totalTimeMs: 3000,
  maxOutputBytes: 1024 * 1024,
};

const NORMAL = `
export function run(x: any) {
  return x.multiply(2).add(1);
}
`;

const programs = loadPrograms();
const pool = createGraderPool({ size: 2 });
let baselineRss = 0;

async function normalProbeWorks(): Promise<void> {
  const result = await pool.probe({
    code: NORMAL,
    language: 'ts',
    limits: LIMITS,
    call: 'run',
    args: [{ shape: [2], data: [1, 2] }],
  });
  expect(result).toEqual({ status: 'ok', message: '', value: 'nd[2]=3,5' });
}

async function normalGradingWorks(): Promise<void> {
  const code = fs.readFileSync(exerciseSources('affine-layer').solutionFile, 'utf8');
  const result = await pool.grade({ exerciseId: 'affine-layer', code, language: 'ts' });
  expect({ status: result.status, score: result.score }).toEqual({
    status: 'graded',
    score: result.maxScore,
  });
}

describe('hostile corpus, through the grading-process pool', () => {
  beforeAll(async () => {
    await normalGradingWorks();
    await normalProbeWorks();
    baselineRss = Math.max(...pool.stats().rssBytes);
  }, 60_000);
  afterAll(() => pool.close());

  it('has at least 80 programs, each with a category and an expected status', () => {
    expect(programs.length).toBeGreaterThanOrEqual(80);
    expect(pool.stats().memoryCapped).toBe(process.platform === 'linux');
  });

  for (const program of programs) {
    it(`${program.file} (${program.category}) -> ${program.expect}`, async () => {
      const result = await pool.probe({
        code: program.code,
        language: program.language,
        limits: { ...LIMITS, ...program.limits },
        call: 'run',
        args: [{ shape: [2], data: [1, 2] }],
      });
      expect({ status: result.status, message: result.message }).toMatchObject({ status: program.expect });
      if (program.message) expect(result.message).toMatch(program.message);
      if (program.value !== undefined) expect(result.value).toBe(program.value);
      await normalProbeWorks();
    }, 60_000);
  }

  it('leaves the pool healthy: processes near their baseline memory, gradings still correct', async () => {
    await normalGradingWorks();
    const stats = pool.stats();
    expect(stats.rssBytes).toHaveLength(2);
    for (const rss of stats.rssBytes) expect(rss).toBeLessThan(baselineRss + 200 * 2 ** 20);
    // the poisoning programs (runaway native loops, the catastrophic out-of-memory) replaced their process
    expect(stats.replaced.poisoned).toBeGreaterThanOrEqual(3);
    expect(process.memoryUsage().rss / 2 ** 20).toBeLessThan(1024);
  }, 60_000);
});
