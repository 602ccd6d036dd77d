/**
 * The caches a grading goes through before the learner's code runs: compiled learner modules (by
 * source) and the guest bundle's warm V8 code cache. Neither may hand one submission's work to
 * another, nor carry any state from the warm-up into a learner's isolate.
 */
import { createRandom } from '@gradlab/kernels';
import ivm from 'isolated-vm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  COMPILE_CACHE_ENTRIES,
  COMPILE_CACHE_MAX_SOURCE_CHARS,
  clearCompileCache,
  compileCacheSize,
  compileLearner,
} from '../../src/sandbox/compile.ts';
import { compileGuest, GUEST_SCRIPT, guestBundle } from '../../src/sandbox/guest-bundle.ts';
import { warmGuestCodeCache } from '../../src/sandbox/guest-warmup.ts';
import { ArrayValue, createSandbox, type SandboxApi } from '../../src/sandbox/index.ts';

const LIMIT = { maxSourceChars: 256 * 1024 };
const open: SandboxApi[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.dispose();
});

async function sandbox(code: string, language: 'ts' | 'js' = 'ts'): Promise<SandboxApi> {
  const created = await createSandbox({ code, language });
  if (!created.ok) throw new Error(created.failure.message);
  open.push(created.sandbox);
  return created.sandbox;
}

describe('the compile cache', () => {
  it('compiles a source once: the same source, language and file name get the same outcome', async () => {
    clearCompileCache();
    const source = 'export function f(x: number) { return x + 1; }\n';
    const first = await compileLearner(source, 'ts', LIMIT);
    const second = await compileLearner(source, 'ts', LIMIT);
    expect(second).toBe(first);
    expect(compileCacheSize()).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('never answers with another source: one character apart, each gets its own module', async () => {
    clearCompileCache();
    const one = await compileLearner('export const answer = 1;\n', 'ts', LIMIT);
    const two = await compileLearner('export const answer = 2;\n', 'ts', LIMIT);
    if (!one.ok || !two.ok) throw new Error('did not compile');
    expect(one.code).toMatch(/answer = 1/);
    expect(two.code).toMatch(/answer = 2/);
    expect((await compileLearner('export const answer = 1;\n', 'ts', LIMIT)) === one).toBe(true);
    // through the sandbox too: each program runs its own code
    const a = await sandbox('export function who() { return "a"; }\n');
    const b = await sandbox('export function who() { return "b"; }\n');
    const fromA = await a.call('who', []);
    const fromB = await b.call('who', []);
    expect(fromA.ok && fromA.value).toBe('a');
    expect(fromB.ok && fromB.value).toBe('b');
  });

  it('keys on the language and the file name as well as the source', async () => {
    clearCompileCache();
    const source = 'export function f(x: number) { return x; }\n';
    const asTs = await compileLearner(source, 'ts', LIMIT);
    const asJs = await compileLearner(source, 'js', LIMIT);
    expect(asTs.ok).toBe(true);
    expect(asJs.ok).toBe(false);
    const named = await compileLearner(source, 'ts', { ...LIMIT, filename: 'mine.ts' });
    expect(named).not.toBe(asTs);
    expect(named.filename).toBe('mine.ts');
    expect(asTs.filename).toBe('your-code.ts');
    expect(compileCacheSize()).toBe(3);
  });

  it('keeps compile errors too, with their message', async () => {
    clearCompileCache();
    const broken = 'const a = 1;\nconst b c = 2;\n';
    const first = await compileLearner(broken, 'ts', LIMIT);
    const second = await compileLearner(broken, 'ts', LIMIT);
    expect(first.ok).toBe(false);
    expect(second).toBe(first);
    expect(first.ok ? '' : first.message).toMatch(/^line 2, column 9: /);
  });

  it('checks the length limit before the cache: a cached source is refused under a smaller limit', async () => {
    clearCompileCache();
    const source = 'export const x = 1;\n';
    expect((await compileLearner(source, 'ts', LIMIT)).ok).toBe(true);
    const refused = await compileLearner(source, 'ts', { maxSourceChars: 5 });
    expect(refused.ok ? '' : refused.message).toMatch(/the source is too long/);
  });

  it('holds at most COMPILE_CACHE_ENTRIES entries, the least recently used going first', async () => {
    clearCompileCache();
    const source = (i: number) => `export const n = ${i};\n`;
    const first = await compileLearner(source(0), 'ts', LIMIT);
    for (let i = 1; i < COMPILE_CACHE_ENTRIES; i++) await compileLearner(source(i), 'ts', LIMIT);
    // using the first again makes the second the oldest
    expect(await compileLearner(source(0), 'ts', LIMIT)).toBe(first);
    const second = await compileLearner(source(1), 'ts', LIMIT);
    await compileLearner(source(0), 'ts', LIMIT);
    await compileLearner(source(COMPILE_CACHE_ENTRIES), 'ts', LIMIT);
    await compileLearner(source(COMPILE_CACHE_ENTRIES + 1), 'ts', LIMIT);
    expect(compileCacheSize()).toBe(COMPILE_CACHE_ENTRIES);
    expect(await compileLearner(source(0), 'ts', LIMIT)).toBe(first);
    const third = await compileLearner(source(2), 'ts', LIMIT);
    expect(third.ok && third.code).toMatch(/n = 2/);
    expect(await compileLearner(source(1), 'ts', LIMIT)).toBe(second);
  });

  it('does not keep long sources', async () => {
    clearCompileCache();
    const long = `export const s = ${JSON.stringify('x'.repeat(COMPILE_CACHE_MAX_SOURCE_CHARS))};\n`;
    const first = await compileLearner(long, 'ts', LIMIT);
    expect(first.ok).toBe(true);
    expect(compileCacheSize()).toBe(0);
    expect(await compileLearner(long, 'ts', LIMIT)).not.toBe(first);
  });
});

describe("the guest bundle's warm code cache", () => {
  it('runs the whole warm-up without a failure and holds more compiled code than a plain cache', async () => {
    const bundle = await guestBundle();
    const warm = await warmGuestCodeCache(bundle.code, GUEST_SCRIPT);
    const isolate = new ivm.Isolate({ memoryLimit: 64 });
    try {
      const plain = await isolate.compileScript(bundle.code, {
        filename: GUEST_SCRIPT,
        produceCachedData: true,
      });
      const plainBytes = (plain as ivm.CachedDataResult).cachedData?.copy().byteLength ?? 0;
      expect(warm.copy().byteLength).toBeGreaterThan(plainBytes * 1.5);
    } finally {
      isolate.dispose();
    }
  });

  it('is accepted by a fresh isolate', async () => {
    const bundle = await guestBundle();
    expect(bundle.cachedData).toBeDefined();
    const isolate = new ivm.Isolate({ memoryLimit: 64 });
    try {
      const script = await isolate.compileScript(bundle.code, {
        filename: GUEST_SCRIPT,
        cachedData: bundle.cachedData,
      });
      expect((script as { cachedDataRejected?: boolean }).cachedDataRejected).toBe(false);
    } finally {
      isolate.dispose();
    }
  });

  it('carries no state of the warm-up into a sandbox: handle ids, np.random and console start afresh', async () => {
    await guestBundle();
    const s = await sandbox(
      'export function draw() { return np.random.randn(5); }\nexport function hello() { console.log("hi"); return 1; }\n',
    );
    // the warm-up kept values and drew random numbers in its own isolate: none of it is here
    const put = await s.put({ shape: [2], dtype: 'float64', data: Float64Array.from([1, 2]) });
    expect(put.ok && put.handle.id).toBe(1);
    const drawn = await s.call('draw', []);
    if (!drawn.ok) throw new Error(drawn.failure.message);
    expect(drawn.value).toBeInstanceOf(ArrayValue);
    expect([...(drawn.value as ArrayValue).data]).toEqual([...createRandom(0).randn([5]).toTypedArray()]);
  });

  it('falls back to compiling from source when V8 rejects the cache, and is made warm again', async () => {
    const bundle = await guestBundle();
    const warm = bundle.cachedData;
    bundle.cachedData = new ivm.ExternalCopy(
      new Uint8Array(64).fill(7).buffer,
    ) as ivm.ExternalCopy<ArrayBuffer>;
    const isolate = new ivm.Isolate({ memoryLimit: 64 });
    try {
      const script = await compileGuest(isolate, bundle);
      const context = await isolate.createContext();
      await script.run(context, { timeout: 5000 });
      expect(await context.eval('typeof globalThis.__gradlab_dispatch__')).toBe('function');
    } finally {
      isolate.dispose();
    }
    // the plain cache of that compile serves until the warm one is made again, by the next sandbox
    await sandbox('export const ok = 1;\n');
    const rebuilt = (await guestBundle()).cachedData;
    expect(rebuilt).toBeDefined();
    expect(rebuilt).not.toBe(warm);
    expect(rebuilt?.copy().byteLength).toBeGreaterThan(0);
  });
});
