/**
 * Grader hardening at the level of a whole grading (issue: "a learner's program must never take
 * down, bloat or fool the host"): host exceptions in checks become failed tests, the input
 * mutation check sees changes made late or hidden behind an own property, host work is charged.
 */
import fs from 'node:fs';
import { exerciseSources } from '@gradlab/content';
import { describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../src/grade.ts';
import { createSandbox } from '../../src/sandbox/index.ts';

const solution = fs.readFileSync(exerciseSources('affine-layer').solutionFile, 'utf8');
const grade = (code: string) => gradeSubmission({ exerciseId: 'affine-layer', code, language: 'ts' });
const selfCheck = (result: Awaited<ReturnType<typeof grade>>) => result.tests.find((t) => t.maxPoints === 0);

describe('a host exception in a check is a failed test, never a rejected grading', () => {
  for (const [what, replacement] of [
    ['its size', 'calls > 6 ? np.zeros([7, 7]) : out'],
    ['its shape (same size)', 'calls > 6 ? out.reshape(out.shape[1] ?? 1, -1) : out'],
  ] as const) {
    it(`keeps the cases' points when the forward output changes ${what} between calls`, async () => {
      const code = solution
        .replace('export function affineForward', 'let calls = 0;\nexport function affineForward')
        .replace('const out =', 'calls += 1;\n  const out =')
        .replace('return { out, cache: { x, w } };', `return { out: ${replacement}, cache: { x, w } };`);
      const result = await grade(code);
      expect(result.status).toBe('graded');
      expect(result.score).toBe(10);
      const check = selfCheck(result);
      expect(check?.passed).toBe(false);
      expect(check?.message).toMatch(/^could not run your forward and backward: /);
      const text = JSON.stringify(result);
      expect(text).not.toMatch(/\/work\/|node_modules|\.ts:\d+|at async/);
    });
  }
});

describe('the input-mutation check', () => {
  it('sees inputs overwritten through the cache inside backward', async () => {
    const code = solution.replace(
      'const { x, w } = cache;',
      'const { x, w } = cache;\n  const grads0 = null;\n  (x as any).data.fill(0);\n  (w as any).data.fill(0);',
    );
    const result = await grade(code);
    const first = result.tests[0];
    expect(first?.passed).toBe(false);
    expect(first?.message).toMatch(/affineForward changed its first argument in place/);
    expect(first?.message).toMatch(/affineForward changed its second argument in place/);
  });

  it('is not fooled by an own toTypedArray property on an input', async () => {
    const code = solution.replace(
      'const n = x.shape[0] ?? 0;\n  const out',
      [
        'const n = x.shape[0] ?? 0;',
        '  const saved = Float64Array.from((x as any).data);',
        '  try { Object.defineProperty(x, "toTypedArray", { value: () => saved }); } catch {}',
        '  (x as any).data[0] = 12345;',
        '  const out',
      ].join('\n'),
    );
    const result = await grade(code);
    expect(result.tests[0]?.message).toMatch(/affineForward changed its first argument in place/);
  });

  it('finds the inputs frozen', async () => {
    const code = solution.replace(
      'const n = x.shape[0] ?? 0;\n  const out',
      'const n = x.shape[0] ?? 0;\n  if (!Object.isFrozen(x)) throw new Error("x is not frozen");\n  const out',
    );
    const result = await grade(code);
    expect(result.score).toBe(10);
  });
});

describe('statuses come from host signals only', () => {
  it('a thrown "timed out" or allocation message is a runtime error', async () => {
    for (const thrown of [
      "new Error('Script execution timed out.')",
      "new RangeError('Array buffer allocation failed')",
    ]) {
      const result = await grade(
        `export function affineForward() { throw ${thrown}; }\nexport function affineBackward() { return {}; }`,
      );
      expect(result.status).toBe('graded');
      expect(result.tests[0]?.message).toMatch(
        /^affineForward: (Range)?Error: (Script execution timed out|Array buffer allocation failed)/,
      );
    }
  });
});

describe('host work reading outputs is charged to the grading', () => {
  it('counts the host side of a call in the sandbox budget', async () => {
    const created = await createSandbox({
      code: 'export function run() { return Array.from({ length: 30000 }, (_, i) => ({ i, s: "x" })); }',
      language: 'js',
    });
    if (!created.ok) throw new Error(created.failure.message);
    const { sandbox } = created;
    try {
      const before = sandbox.usedMs;
      const started = performance.now();
      const result = await sandbox.call('run', []);
      const wall = performance.now() - started;
      expect(result.ok).toBe(true);
      expect(sandbox.usedMs - before).toBeGreaterThanOrEqual(0.9 * wall);
    } finally {
      sandbox.dispose();
    }
  });
});

describe('the realm watches arrays nested in arguments', () => {
  it('names an array inside a config object changed in place', async () => {
    const { runCase } = await import('../../src/scenario/realm.ts');
    const { np } = await import('@gradlab/kernels');
    const scenario = {
      run: (
        fns: Record<string, (...args: unknown[]) => Record<string, unknown>>,
        inputs: Record<string, unknown>,
      ) => fns.step?.(inputs.w, { learningRate: 0.1, velocity: inputs.v }) ?? {},
    };
    const exports = {
      step: (w: { multiply(n: number): unknown }, config: { velocity: { data: Float64Array } }) => {
        config.velocity.data[0] = 42;
        return { nextW: w.multiply(2) };
      },
    };
    const ran = runCase(scenario as never, exports, ['step'], { w: np.ones([2]), v: np.zeros([2]) } as never);
    expect(ran.mutations).toEqual(['step changed velocity (its second argument) in place; work on a copy']);
  });
});
