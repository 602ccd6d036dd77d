/**
 * Runs every program of the hostile corpus (test/hostile/programs): each must end with its
 * expected status and a clear message, the next grading of a normal program must be unaffected,
 * and the host process must stay healthy throughout.
 */
import { describe, expect, it } from 'vitest';
import { ArrayValue, createSandbox, type SandboxLimits } from '../../src/sandbox/index.ts';
import { loadPrograms, render } from './corpus.ts';

const LIMITS: Partial<SandboxLimits> = {
  memoryMb: 32,
  callTimeoutMs: 250,
  totalTimeMs: 3000,
  maxOutputBytes: 1024 * 1024,
};

const NORMAL = `
export function affineForward(x: any, w: any, b: any) {
  return { out: x.matmul(w).add(b), cache: { x, w } };
}
`;

const input = (shape: number[], values: number[]) => ({
  shape,
  dtype: 'float64' as const,
  data: Float64Array.from(values),
});

async function normalGradingWorks(): Promise<void> {
  const created = await createSandbox({ code: NORMAL, language: 'ts', limits: LIMITS });
  if (!created.ok) throw new Error(`normal program failed: ${created.failure.message}`);
  try {
    const result = await created.sandbox.call(
      'affineForward',
      [input([1, 2], [1, 2]), input([2, 1], [3, 4]), input([1], [0.5])],
      { keep: ['cache'] },
    );
    if (!result.ok) throw new Error(`normal call failed: ${result.failure.message}`);
    const out = (result.value as { out: unknown }).out;
    expect(out).toBeInstanceOf(ArrayValue);
    expect([...(out as ArrayValue).data]).toEqual([11.5]);
  } finally {
    created.sandbox.dispose();
  }
}

const programs = loadPrograms();
const rssBefore = process.memoryUsage().rss;

describe('hostile corpus', () => {
  it('has at least 40 programs, each with a category and an expected status', () => {
    expect(programs.length).toBeGreaterThanOrEqual(40);
  });

  for (const program of programs) {
    it(`${program.file} (${program.category}) -> ${program.expect}`, async () => {
      const limits = { ...LIMITS, ...program.limits };
      const created = await createSandbox({ code: program.code, language: program.language, limits });
      let status: string;
      let message = '';
      let value = '';
      if (!created.ok) {
        status = created.failure.status;
        message = created.failure.message;
      } else {
        const sandbox = created.sandbox;
        try {
          const result = await sandbox.call('run', [input([2], [1, 2])]);
          if (result.ok) {
            status = 'ok';
            value = render(result.value);
          } else {
            status = result.failure.status;
            message = result.failure.message;
            if (result.failure.fatal) expect(sandbox.disposed).toBe(true);
          }
        } finally {
          sandbox.dispose();
        }
      }
      expect({ status, message }).toMatchObject({ status: program.expect });
      if (program.message) expect(message).toMatch(program.message);
      if (program.value !== undefined) expect(value).toBe(program.value);
      await normalGradingWorks();
    });
  }

  it('leaves the host healthy', async () => {
    await normalGradingWorks();
    const grownMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
    expect(grownMb).toBeLessThan(512);
    expect(process.memoryUsage().heapUsed / 2 ** 20).toBeLessThan(512);
  });
});
