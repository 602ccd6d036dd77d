/**
 * Sandbox timings (a runnable script, not a test):
 *   NODE_OPTIONS=--no-node-snapshot npx tsx test/sandbox/bench.ts
 * Prints p50/p90 of: the isolated-vm floor (isolate + context + trivial script + dispose), the
 * first guest-bundle build, Sandbox.create, one call, and a grading (create + 10 calls + dispose).
 */
import ivm from 'isolated-vm';
import { guestBundle } from '../../src/sandbox/guest-bundle.ts';
import { createSandbox } from '../../src/sandbox/index.ts';

const CODE = `
export function affineForward(x: any, w: any, b: any) {
  return { out: x.reshape([x.shape[0], -1]).matmul(w).add(b), cache: { x, w, b } };
}
export function affineBackward(dout: any, cache: any) {
  const { x, w } = cache;
  const x2 = x.reshape([x.shape[0], -1]);
  return { dx: dout.matmul(w.T).reshape(x.shape), dw: x2.T.matmul(dout), db: dout.sum({ axis: 0 }) };
}
`;
const arr = (shape: number[]) => ({
  shape,
  dtype: 'float64' as const,
  data: Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => Math.random()),
});

function stats(name: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(2);
  console.log(
    `${name.padEnd(44)} p50 ${at(0.5).padStart(7)} ms   p90 ${at(0.9).padStart(7)} ms   (n=${samples.length})`,
  );
}

async function time(n: number, fn: () => Promise<void> | void): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const t0 = performance.now();
await guestBundle();
console.log(
  `guest bundle build (once per process)           ${(performance.now() - t0).toFixed(1)} ms, ${((await guestBundle()).code.length / 1024).toFixed(0)} KiB`,
);

stats(
  'floor, async (isolate, context, 1+1, dispose)',
  await time(100, async () => {
    const isolate = new ivm.Isolate({ memoryLimit: 64 });
    const context = await isolate.createContext();
    await context.eval('1+1');
    isolate.dispose();
  }),
);
stats(
  'floor, sync API',
  await time(100, () => {
    const isolate = new ivm.Isolate({ memoryLimit: 64 });
    isolate.createContextSync().evalSync('1+1');
    isolate.dispose();
  }),
);

const inputs = [arr([8, 3, 4]), arr([12, 10]), arr([10])];
stats(
  'Sandbox.create (compile + isolate + bundle + module)',
  await time(100, async () => {
    const created = await createSandbox({ code: CODE, language: 'ts' });
    if (created.ok) created.sandbox.dispose();
  }),
);

const created = await createSandbox({ code: CODE, language: 'ts' });
if (!created.ok) throw new Error(created.failure.message);
stats(
  'one call affineForward (8x12 @ 12x10), keep cache',
  await time(300, async () => {
    await created.sandbox.call('affineForward', inputs, { keep: ['cache'] });
  }),
);
created.sandbox.dispose();

stats(
  'grading: create + 5x(forward, backward) + dispose',
  await time(100, async () => {
    const c = await createSandbox({ code: CODE, language: 'ts' });
    if (!c.ok) throw new Error(c.failure.message);
    for (let i = 0; i < 5; i++) {
      const f = await c.sandbox.call('affineForward', inputs, { keep: ['cache'] });
      if (!f.ok) throw new Error(f.failure.message);
      const cache = (f.value as { cache: never }).cache;
      const b = await c.sandbox.call('affineBackward', [arr([8, 10]), cache]);
      if (!b.ok) throw new Error(b.failure.message);
    }
    c.sandbox.dispose();
  }),
);
