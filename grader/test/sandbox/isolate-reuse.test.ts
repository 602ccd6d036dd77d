/**
 * Isolates are lent to one sandbox after another, each sandbox in a fresh context of its own
 * (src/sandbox/isolate-pool.ts). These tests try to carry state from one learner to the next
 * through everything a program can reach (its globals, the prototypes of the built-ins, the
 * engine's objects and generator, deferred callbacks) and fail if the next program, run in the
 * same isolate, sees anything a program in a new isolate would not.
 */
import fs from 'node:fs';
import { exerciseSources } from '@gradlab/content';
import { afterEach, describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../src/grade.ts';
import type { GradeResult } from '../../src/result.ts';
import { createSandbox, type SandboxApi } from '../../src/sandbox/index.ts';
import { isolatePoolStats, setIsolateReuse } from '../../src/sandbox/isolate-pool.ts';

afterEach(() => setIsolateReuse(true));

async function sandbox(code: string, limits: { callTimeoutMs?: number } = {}): Promise<SandboxApi> {
  const created = await createSandbox({ code, language: 'js', limits });
  if (!created.ok) throw new Error(created.failure.message);
  return created.sandbox;
}

/** Changes everything a learner's program can change, and leaves work behind. */
const POLLUTER = `
let calls = 0;
export function pollute() {
  globalThis.leak = 'secret of the first learner';
  Object.defineProperty(globalThis, 'leakHidden', { value: 1, enumerable: false, configurable: true });
  Object.prototype.polluted = 'A';
  Array.prototype.polluted = 'A';
  Array.prototype.map = function () { return ['A']; };
  Function.prototype.polluted = 'A';
  String.prototype.trim = function () { return 'A'; };
  Math.max = () => 42;
  JSON.stringify = () => 'A';
  Error.prepareStackTrace = () => 'A';
  Error.stackTraceLimit = 1;
  Float64Array.prototype.polluted = 'A';
  Object.getPrototypeOf(Float64Array.prototype).polluted = 'A';
  Symbol.prototype.polluted = 'A';
  Reflect.defineProperty(Promise.prototype, 'polluted', { value: 'A' });
  try { np.polluted = 'A'; } catch {}
  try { np.random.polluted = 'A'; } catch {}
  try { Object.getPrototypeOf(np.zeros([1])).polluted = 'A'; } catch {}
  try { Object.getPrototypeOf(np.zeros([1])).sum = () => 'A'; } catch {}
  try { np.zeros([1]).constructor.prototype.add = () => 'A'; } catch {}
  np.random.seed(12345);
  np.random.rand(7);
  Symbol.for('gradlab.leak');
  if (typeof FinalizationRegistry === 'function') {
    const registry = new FinalizationRegistry(() => { for (;;) {} });
    for (let i = 0; i < 100; i++) registry.register({ i }, i);
    globalThis.registry = registry;
  }
  Promise.resolve().then(() => { globalThis.lateLeak = 'A'; });
  globalThis.keep = new Float64Array(1000).fill(7);
  calls += 1;
  return calls;
}
`;

/** What the next learner can observe; must equal what it observes in a new isolate. */
const OBSERVER = `
const attempt = (f) => {
  try {
    return f();
  } catch (error) {
    return \`threw \${error}\`;
  }
};
export function observe() {
  const names = Object.getOwnPropertyNames(globalThis).sort();
  return {
    leak: typeof globalThis.leak,
    leakNames: names.filter((k) => /leak|registry|keep/i.test(k)).join(','),
    globals: names.join(','),
    objectProto: ({}).polluted === undefined,
    arrayProto: [].polluted === undefined,
    map: [1, 2].map((x) => x * 2).join(','),
    functionProto: function () {}.polluted === undefined,
    trim: ' x '.trim(),
    max: Math.max(1, 2),
    json: JSON.stringify({ a: 1 }),
    prepareStackTrace: typeof Error.prepareStackTrace,
    stackTraceLimit: Error.stackTraceLimit,
    typedArrayProto: new Float64Array(1).polluted === undefined,
    symbolProto: Symbol('s').polluted === undefined,
    promiseProto: Promise.resolve().polluted === undefined,
    npOwn: np.polluted === undefined && np.random.polluted === undefined,
    arrayClass: Object.getPrototypeOf(np.zeros([1])).polluted === undefined,
    sum: attempt(() => np.ones([3]).sum().item()),
    add: attempt(() => np.ones([2]).add(1).sum().item()),
    random: attempt(() => Array.from(np.random.rand(3).toTypedArray()).join(',')),
    finalizationRegistry: typeof FinalizationRegistry,
    weakRef: typeof WeakRef,
  };
}
`;

async function observeIn(fresh: boolean): Promise<unknown> {
  setIsolateReuse(!fresh);
  const observer = await sandbox(OBSERVER);
  try {
    const seen = await observer.call('observe', []);
    if (!seen.ok) throw new Error(seen.failure.message);
    return seen.value;
  } finally {
    observer.dispose();
  }
}

describe('isolates lent again', () => {
  it('show the next learner nothing of the previous one: globals, built-ins, engine, generator', async () => {
    const baseline = await observeIn(true);
    setIsolateReuse(true);
    for (let round = 0; round < 3; round++) {
      const polluter = await sandbox(POLLUTER);
      const polluted = await polluter.call('pollute', []);
      expect(polluted.ok && polluted.value).toBe(1);
      polluter.dispose();
      const before = isolatePoolStats();
      expect(before.idle).toBeGreaterThan(0);
      const observer = await sandbox(OBSERVER);
      // the observer really runs in the polluter's isolate
      expect(isolatePoolStats().reused).toBe(before.reused + 1);
      const seen = await observer.call('observe', []);
      observer.dispose();
      if (!seen.ok) throw new Error(seen.failure.message);
      expect(seen.value).toEqual(baseline);
    }
  });

  it('(the observer sees every change of the polluter when they share a context)', async () => {
    const baseline = (await observeIn(true)) as Record<string, unknown>;
    setIsolateReuse(true);
    const both = await sandbox(`${POLLUTER}\n${OBSERVER}`);
    expect((await both.call('pollute', [])).ok).toBe(true);
    const seen = await both.call('observe', []);
    both.dispose();
    if (!seen.ok) throw new Error(seen.failure.message);
    const changed = Object.keys(baseline).filter(
      (key) => (seen.value as Record<string, unknown>)[key] !== baseline[key],
    );
    // every observation of a change (not the engine's results, which may or may not use what the
    // polluter replaced, nor the two built-ins the polluter cannot change)
    const notChanges = ['sum', 'add', 'finalizationRegistry', 'weakRef'];
    expect(changed).toEqual(
      expect.arrayContaining(Object.keys(baseline).filter((key) => !notChanges.includes(key))),
    );
    expect(changed).not.toContain('finalizationRegistry');
  });

  it('the learner sees no FinalizationRegistry (no callback may run during a later grading)', async () => {
    const seen = (await observeIn(false)) as { finalizationRegistry: string; weakRef: string };
    expect(seen.finalizationRegistry).toBe('undefined');
    expect(seen.weakRef).toBe('function');
  });

  it('are not lent again after a timeout', async () => {
    setIsolateReuse(true);
    const looping = await sandbox('export function spin() { for (;;) {} }', { callTimeoutMs: 50 });
    const result = await looping.call('spin', []);
    expect(result.ok ? '' : result.failure.status).toBe('timeout');
    looping.dispose();
    const before = isolatePoolStats();
    const next = await sandbox('export const f = () => 1;');
    next.dispose();
    expect(isolatePoolStats().created).toBe(before.created + 1);
  });

  it('are not lent again while they hold a large part of their memory limit', async () => {
    setIsolateReuse(true);
    // 24 MB kept, over a quarter of the 64 MB limit (a generous call timeout: CI machines are busy)
    const hog = await sandbox(
      'const kept = [];\nexport function hog() { kept.push(new Float64Array(3_000_000).fill(1)); return kept.length; }',
      { callTimeoutMs: 20_000 },
    );
    const hogged = await hog.call('hog', []);
    expect(hogged.ok ? 'ok' : hogged.failure).toBe('ok');
    hog.dispose();
    const before = isolatePoolStats();
    const next = await sandbox('export const f = () => 1;');
    next.dispose();
    expect(isolatePoolStats().created).toBe(before.created + 1);
  });

  it('grade the next submission exactly as a new isolate does', async () => {
    const solution = fs.readFileSync(exerciseSources('affine-layer').solutionFile, 'utf8');
    const request = { exerciseId: 'affine-layer', code: solution, language: 'ts' as const };
    const strip = (r: GradeResult) => ({ ...r, durationMs: 0 });
    setIsolateReuse(false);
    const fresh = strip(await gradeSubmission(request));
    expect(fresh.score).toBe(fresh.maxScore);
    setIsolateReuse(true);
    // a submission that changes built-ins and the engine's generator at its top level
    const polluting = `${solution}
(Array.prototype as unknown as { map: unknown }).map = () => [];
(Math as unknown as { max: unknown }).max = () => 42;
(globalThis as unknown as { leak: string }).leak = 'secret';
np.random.seed(99);
`;
    await gradeSubmission({ ...request, code: polluting });
    const before = isolatePoolStats();
    const after = strip(await gradeSubmission(request));
    expect(isolatePoolStats().reused).toBe(before.reused + 1);
    expect(after).toEqual(fresh);
  });
});
