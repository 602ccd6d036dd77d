import { afterEach, describe, expect, it } from 'vitest';
import {
  ArrayValue,
  createSandbox,
  GuestHandle,
  type GuestRecord,
  type SandboxApi,
  type SandboxLimits,
} from '../../src/sandbox/index.ts';

const LIMITS: Partial<SandboxLimits> = { callTimeoutMs: 500, totalTimeMs: 5000 };
const arr = (shape: number[], values?: number[]) => ({
  shape,
  dtype: 'float64' as const,
  data: Float64Array.from(
    values ?? Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i + 1),
  ),
});

const AFFINE = `// affine layer
type A = any;
export function affineForward(x: A, w: A, b: A) {
  const out = x.reshape([x.shape[0], -1]).matmul(w).add(b);
  const cache = { x, w, b, marker: Symbol('mine') };
  return { out, cache };
}

export function affineBackward(dout: A, cache: A) {
  const { x, w } = cache;
  if (typeof cache.marker !== 'symbol') throw new Error('not my cache');
  const dx = dout.matmul(w.T).reshape(x.shape);
  const dw = x.reshape([x.shape[0], -1]).T.matmul(dout);
  return { dx, dw, db: dout.sum({ axis: 0 }) };
}

export function fails(n: number) {
  const nested = () => {
    throw new TypeError('bad n: ' + n);
  };
  return [1].map(() => nested());
}

export function mutate(x: A) {
  x.fill(7);
  return null;
}

export function useEinsum(x: A) {
  return np.einsum('ij->ji', x);
}

export function slow() {
  for (;;) {}
}
`;

const open: SandboxApi[] = [];
async function sandbox(
  code = AFFINE,
  options: { forbidden?: string[]; limits?: Partial<SandboxLimits> } = {},
) {
  const created = await createSandbox({
    code,
    language: 'ts',
    limits: { ...LIMITS, ...options.limits },
    ...options,
  });
  if (!created.ok) throw new Error(created.failure.message);
  open.push(created.sandbox);
  return created.sandbox;
}
afterEach(() => {
  for (const s of open.splice(0)) s.dispose();
});

describe('compiling', () => {
  it('reports syntax errors at the line and column of the learner source', async () => {
    const created = await createSandbox({
      code: 'const a = 1;\nconst b = 2;\nconst c d = 3;\n',
      language: 'ts',
    });
    expect(created.ok).toBe(false);
    if (created.ok) return;
    expect(created.failure.status).toBe('compile_error');
    expect(created.failure.message).toBe('line 3, column 9: Expected ";" but found "d"');
  });

  it('refuses imports with a clear message', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const read = () => readFileSync;\n";
    const created = await createSandbox({ code, language: 'ts' });
    expect(created.ok ? '' : created.failure.message).toMatch(
      /^line 1, column 30: imports are not allowed \("node:fs"\)/,
    );
  });

  it('refuses TypeScript syntax in a JavaScript file', async () => {
    const created = await createSandbox({
      code: 'export function f(x: number) { return x; }',
      language: 'js',
    });
    expect(created.ok ? '' : created.failure.status).toBe('compile_error');
  });

  it('lists the exports', async () => {
    const s = await sandbox();
    expect(s.exports.map((e) => e.name).sort()).toEqual(
      ['affineBackward', 'affineForward', 'fails', 'mutate', 'slow', 'useEinsum'].sort(),
    );
    expect(s.exports.every((e) => e.kind === 'function')).toBe(true);
  });
});

describe('calling', () => {
  it('runs forward and backward, the cache staying inside the isolate', async () => {
    const s = await sandbox();
    const forward = await s.call('affineForward', [arr([2, 3]), arr([3, 2]), arr([2], [0.5, -0.5])], {
      keep: ['cache'],
    });
    if (!forward.ok) throw new Error(forward.failure.message);
    const { out, cache } = forward.value as GuestRecord;
    expect(out).toBeInstanceOf(ArrayValue);
    expect((out as ArrayValue).shape).toEqual([2, 2]);
    expect([...(out as ArrayValue).data]).toEqual([22.5, 27.5, 49.5, 63.5]);
    expect(cache).toBeInstanceOf(GuestHandle);
    const backward = await s.call('affineBackward', [arr([2, 2], [1, 0, 0, 1]), cache as GuestHandle]);
    if (!backward.ok) throw new Error(backward.failure.message);
    const { dx, db } = backward.value as GuestRecord;
    expect((dx as ArrayValue).shape).toEqual([2, 3]);
    expect([...(db as ArrayValue).data]).toEqual([1, 1]);
  });

  it("keep: 'non-arrays' keeps objects and copies arrays and numbers", async () => {
    const s = await sandbox('export function f(x: any) { return { out: x, n: 3, cache: [x], s: "a" }; }');
    const result = await s.call('f', [arr([1])], { keep: 'non-arrays' });
    if (!result.ok) throw new Error(result.failure.message);
    const value = result.value as GuestRecord;
    expect(value.out).toBeInstanceOf(ArrayValue);
    expect(value.n).toBe(3);
    expect(value.s).toBe('a');
    expect(value.cache).toBeInstanceOf(GuestHandle);
    expect((value.cache as GuestHandle).kind).toBe('array');
  });

  it('maps runtime errors to the learner source and keeps the sandbox usable', async () => {
    const s = await sandbox();
    const result = await s.call('fails', [4]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toMatchObject({ status: 'runtime_error', fatal: false });
    expect(result.failure.message).toBe('TypeError: bad n: 4 (line 19, column 11)');
    expect(result.failure.stack.split('\n')).toEqual([
      '    at nested (your-code.ts:19:11)',
      '    at your-code.ts:21:24',
      '    at Array.map (<anonymous>)',
      '    at fails (your-code.ts:21:14)',
    ]);
    expect(result.failure.stack).not.toMatch(/gradlab-guest|learner\.js/);
    const again = await s.call('affineForward', [arr([1, 1]), arr([1, 1]), arr([1])], { keep: ['cache'] });
    expect(again.ok).toBe(true);
  });

  it('puts and reads values, which shows in-place mutation', async () => {
    const s = await sandbox();
    const put = await s.put(arr([2], [1, 2]));
    if (!put.ok) throw new Error(put.failure.message);
    expect((await s.call('mutate', [put.handle])).ok).toBe(true);
    const after = await s.read(put.handle);
    if (!after.ok) throw new Error(after.failure.message);
    expect([...(after.value as ArrayValue).data]).toEqual([7, 7]);
  });

  it('refuses a handle of another sandbox', async () => {
    const a = await sandbox();
    const b = await sandbox();
    const put = await a.put(arr([1]));
    if (!put.ok) throw new Error(put.failure.message);
    expect(() => b.call('mutate', [put.handle])).toThrow(/another sandbox/);
  });

  it('blocks forbidden np functions', async () => {
    const s = await sandbox(AFFINE, { forbidden: ['einsum'] });
    const result = await s.call('useEinsum', [arr([2, 2])]);
    expect(result.ok ? '' : result.failure.message).toMatch(
      /^Error: np\.einsum is not allowed in this exercise/,
    );
  });

  it('times out, ends the sandbox, and later calls say so', async () => {
    const s = await sandbox(AFFINE, { limits: { callTimeoutMs: 100 } });
    const result = await s.call('slow', []);
    expect(result.ok ? undefined : result.failure).toMatchObject({ status: 'timeout', fatal: true });
    expect(s.disposed).toBe(true);
    const later = await s.call('fails', [1]);
    expect(later.ok ? undefined : later.failure.status).toBe('timeout');
  });

  it('enforces the total budget across calls', async () => {
    const s = await sandbox(AFFINE, { limits: { callTimeoutMs: 1000, totalTimeMs: 150 } });
    const result = await s.call('slow', []);
    expect(result.ok ? '' : result.failure.message).toMatch(/budget of 150 ms/);
    expect(s.usedMs).toBeLessThan(1000);
  });

  it('reports a missing export', async () => {
    const s = await sandbox();
    const result = await s.call('softmax', []);
    expect(result.ok ? '' : result.failure.message).toMatch(/does not export `softmax`/);
  });

  it('rejects malformed host inputs before they reach the isolate', async () => {
    const s = await sandbox();
    expect(() => s.call('mutate', [{ shape: [3], dtype: 'float64', data: new Float64Array(2) }])).toThrow(
      /needs 3/,
    );
    expect(() => s.call('mutate', [{ shape: [-1], dtype: 'float64', data: new Float64Array(0) }])).toThrow(
      /non-negative/,
    );
  });

  it('dispose is idempotent', async () => {
    const s = await sandbox();
    s.dispose();
    s.dispose();
    expect(s.disposed).toBe(true);
  });
});
