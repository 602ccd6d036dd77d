/**
 * A warm V8 code cache for the guest bundle. The cache V8 produces right after compiling a script
 * holds only the functions it compiled eagerly (the bundle's top level): every engine, harness
 * and scenario-runner function a grading calls is still parsed and compiled lazily in each fresh
 * isolate, which was about a quarter of a small grading. So once per process a throwaway isolate
 * runs the bundle through a grading-like workload of our own (the program below, never a
 * submission, a reference solution or a hidden case), and the bundle is then compiled again in
 * that isolate: V8 finds the script in its compilation cache, now with those functions compiled,
 * and the code cache it writes includes their bytecode.
 *
 * A code cache holds bytecode and the script's own literals, no heap state: an isolate that
 * consumes it starts exactly as one that compiles the bundle from source, only sooner. V8 checks
 * the cache against the source and the V8 flags and rejects it on any mismatch (then the bundle is
 * compiled from source, see guest-bundle.ts).
 */
import ivm from 'isolated-vm';
import { wrapModule } from './compile.ts';
import { DISPATCH_GLOBAL } from './wire.ts';

/** Every step of the warm-up runs under this limit; it is our code on small arrays (ms). */
const STEP_TIMEOUT_MS = 5000;

/**
 * A learner-like module (CommonJS, as compile.ts emits it) that touches the np API broadly: the
 * functions compiled here are the ones the cache saves compiling in every grading. Whatever a
 * grading calls that this does not is compiled lazily, as before.
 */
const WARMUP_MODULE = `
"use strict";
function layerForward(x, w, b) {
  const n = x.shape[0] ?? 0;
  const flat = x.reshape(n, -1);
  const z = flat.matmul(w).add(b);
  const out = np.tanh(z).multiply(0.5).add(np.maximum(z, 0).multiply(0.5));
  return { out, cache: { x, w, z } };
}
function layerBackward(dout, cache) {
  const { x, w, z } = cache;
  const n = x.shape[0] ?? 0;
  const t = np.tanh(z);
  const dz = dout
    .multiply(np.subtract(1, t.square()).multiply(0.5))
    .add(dout.multiply(np.where(z.greater(0), 0.5, 0)));
  const dx = dz.matmul(w.T).reshape(x.shape);
  const dw = x.reshape(n, -1).T.matmul(dz);
  const db = dz.sum({ axis: 0 });
  return { dx, dw, db };
}
function statistics(x) {
  const flat = x.reshape(x.shape[0], -1);
  const shifted = flat.subtract(flat.max({ axis: 1, keepdims: true }));
  const exp = np.exp(shifted);
  const probs = exp.divide(exp.sum({ axis: 1, keepdims: true }));
  const logp = np.log(np.clip(probs, 1e-12, null));
  const mean = flat.mean({ axis: 0 });
  const variance = flat.var({ axis: 0 });
  const normed = flat.subtract(mean).divide(np.sqrt(variance.add(1e-5)));
  const labels = flat.argmax({ axis: 1 });
  const picked = np.takeAlongAxis(logp, labels.reshape(-1, 1), 1);
  const stacked = np.stack([normed, normed.abs()], { axis: 0 });
  const joined = np.concatenate([flat, normed], { axis: 1 });
  const parts = np.split(joined, 2, { axis: 1 });
  const padded = np.pad(flat, [[0, 0], [1, 1]]);
  const grid = np.zeros([2, 3]).add(np.ones([3])).add(np.arange(0, 3)).add(np.full([2, 1], 2));
  const eye = np.eye(3).matmul(np.linspace(0, 1, 3).reshape(3, 1));
  const tiled = np.tile(np.arange(2), 2).add(np.repeat(np.arange(2), 2));
  const masked = flat.mask(flat.greater(0));
  const sliced = flat.slice(':', { start: 0, stop: 1 });
  const scratch = np.zerosLike(flat);
  scratch.set(0, 1);
  np.addAt(scratch, [0], 1);
  const random = np.random.randn(2, 2).add(np.random.rand(2, 2)).add(np.random.uniform(0, 1, [2, 2]));
  const total =
    picked.sum().item() +
    stacked.std().item() +
    parts[0].min().item() +
    padded.sum({ axis: [0, 1] }).item() +
    grid.cumsum({ axis: 1 }).max().item() +
    eye.sum().item() +
    tiled.sum().item() +
    masked.size +
    sliced.sum().item() +
    scratch.sum().item() +
    random.minimum(1).power(2).sum().item() +
    np.sign(flat).negative().abs().sum().item() +
    np.dot(np.ones([2]), np.ones([2])).item() +
    np.outer(np.ones([2]), np.ones([2])).sum().item() +
    flat.at(0, 0) +
    (np.allclose(flat, flat) ? 1 : 0) +
    np.equal(labels, labels).astype('float64').sum().item();
  console.log('warm-up', total, flat.shape, probs.toString().length > 0);
  return { total, probs, normed, labels, list: [flat.transpose(), flat.T.copy().flatten()], n: 1, s: 'x', ok: true };
}
exports.layerForward = layerForward;
exports.layerBackward = layerBackward;
exports.statistics = statistics;
`;

/** The warm-up's scenario (CommonJS, as scenario/bundle.ts emits a spec's run and gradcheck). */
const WARMUP_SCENARIO = `
"use strict";
exports.run = function (fns, inputs) {
  const { out, cache } = fns.layerForward(inputs.x, inputs.w, inputs.b);
  const grads = fns.layerBackward(inputs.dout, cache);
  return { out, dx: grads.dx, dw: grads.dw, db: grads.db, stats: fns.statistics(inputs.x) };
};
exports.gradcheck = {
  name: 'warm-up',
  seed: 5,
  wrt: { x: 'dx', w: 'dw', b: 'db' },
  forward: function (fns, inputs) {
    const { out, cache } = fns.layerForward(inputs.x, inputs.w, inputs.b);
    return { out, state: cache };
  },
  backward: function (fns, dout, state) {
    return fns.layerBackward(dout, state);
  },
};
`;

const FUNCTIONS = ['layerForward', 'layerBackward', 'statistics'];

/** Deterministic host data for the warm-up (no randomness: the same workload in every process). */
function wireArray(shape: number[], salt: number): unknown {
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(size);
  for (let i = 0; i < size; i++) data[i] = Math.sin(i * 1.7 + salt) * (1 + (i % 3));
  return { t: 'nd', shape, dtype: 'float64', data };
}

function wireInputs(): unknown {
  return {
    t: 'rec',
    entries: [
      ['x', wireArray([4, 2, 3], 1)],
      ['w', wireArray([6, 5], 2)],
      ['b', wireArray([5], 3)],
      ['dout', wireArray([4, 5], 4)],
    ],
  };
}

type Dispatch = ivm.Reference<(...args: unknown[]) => unknown>;

function isOk(result: unknown): boolean {
  return result !== null && typeof result === 'object' && (result as { ok?: unknown }).ok === true;
}

/** Runs the warm-up in `context` through the harness, as a grading would. */
async function runWorkload(isolate: ivm.Isolate, context: ivm.Context, dispatch: Dispatch): Promise<void> {
  const apply = async (...args: unknown[]) => {
    const result = await dispatch.apply(undefined, args, {
      arguments: { copy: true },
      result: { copy: true },
      timeout: STEP_TIMEOUT_MS,
    });
    if (!isOk(result)) throw new Error(`guest warm-up: ${String(args[0])} failed: ${JSON.stringify(result)}`);
    return result as { ok: true; value: unknown };
  };
  await apply('configure', { maxBytes: 1 << 20, maxDepth: 32, maxMessageChars: 4000 }, ['einsum'], {
    code: WARMUP_SCENARIO,
    functions: FUNCTIONS,
  });
  const script = await isolate.compileScript(wrapModule(WARMUP_MODULE), { filename: 'warmup.js' });
  const moduleFunction = (await script.run(context, {
    reference: true,
    timeout: STEP_TIMEOUT_MS,
    release: true,
  })) as ivm.Reference;
  const loaded = await dispatch.apply(undefined, ['load', moduleFunction.derefInto({ release: true })], {
    result: { copy: true },
    timeout: STEP_TIMEOUT_MS,
  });
  if (!isOk(loaded)) throw new Error(`guest warm-up: load failed: ${JSON.stringify(loaded)}`);
  // Twice: the second case runs with the functions the first one compiled, as later cases do.
  await apply('case', wireInputs());
  await apply('case', wireInputs());
  await apply('selfcheck', wireInputs());
  const put = await apply('put', wireArray([2, 3], 5));
  const handle = (put.value as { id: number }).id;
  await apply('call', 'statistics', [{ t: 'ref', id: handle, kind: '' }], undefined);
  await apply(
    'call',
    'layerForward',
    [wireArray([2, 6], 6), wireArray([6, 5], 7), wireArray([5], 8)],
    ['cache'],
  );
  await apply('read', handle);
  await apply('release', handle);
}

/**
 * Compiles and runs the guest bundle in a throwaway isolate, runs the warm-up through it, and
 * returns the bundle's code cache with every function the warm-up compiled. Throws if any step
 * fails (the caller then keeps the plain cache).
 */
export async function warmGuestCodeCache(
  code: string,
  filename: string,
): Promise<ivm.ExternalCopy<ArrayBuffer>> {
  const isolate = new ivm.Isolate({ memoryLimit: 64 });
  try {
    const context = await isolate.createContext();
    const guest = await isolate.compileScript(code, { filename });
    await guest.run(context, { timeout: STEP_TIMEOUT_MS });
    guest.release();
    const dispatch = (await context.global.get(DISPATCH_GLOBAL, { reference: true })) as Dispatch;
    await runWorkload(isolate, context, dispatch);
    dispatch.release();
    // Same source and origin: V8's compilation cache returns the script compiled above, whose
    // functions the workload compiled, and the code cache written from it includes them.
    const again = await isolate.compileScript(code, { filename, produceCachedData: true });
    const cachedData = (again as ivm.CachedDataResult).cachedData;
    again.release();
    if (!cachedData) throw new Error('guest warm-up: V8 produced no code cache');
    return cachedData;
  } finally {
    if (!isolate.isDisposed) isolate.dispose();
  }
}
