/**
 * Isolates reused across sandboxes, each sandbox in a fresh context of its own. Creating an
 * isolate, compiling the guest bundle in it and running the engine's code cold is most of a small
 * grading; a context is cheap, and in an isolate that already ran the bundle the engine's
 * functions start compiled (bytecode and baseline code live on the isolate's shared function
 * infos, which every context that runs the same script uses).
 *
 * What a context shares with the earlier contexts of its isolate, and why no learner state leaks:
 *
 * - JavaScript objects: none. Every context has its own global object, its own built-ins and
 *   prototypes, and runs the guest bundle's top level anew (its own `np`, array class, harness
 *   tables and scenario). No object crosses between contexts: the host only ever passes copies
 *   (ExternalCopy / `copy: true`), and a sandbox's references (its dispatch function, its context)
 *   are released before its isolate is lent again.
 * - Work left running: none. isolated-vm drains the microtask queue and takes (and reports) the
 *   unhandled rejections at the end of every call, so nothing of one sandbox is pending when
 *   the next starts. `FinalizationRegistry`, whose callbacks V8 could run later, is removed from
 *   every sandbox's global (lockdown.ts); `Atomics`, `SharedArrayBuffer` and `WebAssembly` are
 *   gone as well.
 * - Isolate-wide V8 state: compiled code (the compilation cache keys on the full source, so at
 *   most a timing difference tells that the same source ran before), the registry of
 *   `Symbol.for` (a registered symbol is a primitive: it cannot carry data, and nothing tells a
 *   fresh one from an old one), internal caches (ICU, dates). None holds a learner's values.
 * - The heap: garbage of earlier contexts until V8 collects it, which it does before any
 *   allocation fails (isolated-vm checks the limit after a full collection). An isolate is lent
 *   again only while everything it holds, garbage included, stays under a small part of its
 *   limit (`REUSE_HEAP_FRACTION`), so a sandbox starts close to where a fresh isolate would.
 *
 * An isolate is lent again only after a sandbox ended cleanly: no timeout, no memory limit, no
 * catastrophic error, no protocol error, no operation still running, a healthy process; and at
 * most `MAX_USES` times. Any other end disposes it, as before. The memory limit of a lent isolate
 * is the one it was created with: a sandbox only gets an isolate of its own `memoryMb`.
 *
 * `GRADLAB_SANDBOX_FRESH_ISOLATES=1` (or setIsolateReuse(false)) gives every sandbox a new isolate.
 */
import ivm from 'isolated-vm';
import { poisonReason } from './process-health.ts';

/** Sandboxes one isolate serves at most before it is disposed. */
export const MAX_USES = 64;
/** An isolate holding more than this part of its memory limit (garbage included) is not lent again. */
export const REUSE_HEAP_FRACTION = 1 / 4;
/** Idle isolates kept per process (one per memory limit in use, normally one). */
const MAX_IDLE = 2;

export interface LeasedIsolate {
  readonly isolate: ivm.Isolate;
  readonly memoryMb: number;
  /** sandboxes this isolate has served, the current one included */
  uses: number;
  /** the guest bundle compiled in this isolate, run once in each context */
  guest: ivm.Script | undefined;
  /** where isolated-vm's catastrophic errors go: the sandbox that holds the isolate */
  onCatastrophe: (message: string) => void;
}

const logCatastrophe = (message: string) =>
  console.error(`gradlab sandbox: isolated-vm catastrophic error: ${message}`);

let reuse = process.env.GRADLAB_SANDBOX_FRESH_ISOLATES !== '1';
const idle: LeasedIsolate[] = [];
const counts = { created: 0, reused: 0 };

function disposeIsolate(leased: LeasedIsolate): void {
  leased.onCatastrophe = logCatastrophe;
  if (!leased.isolate.isDisposed) leased.isolate.dispose();
}

/** Turns reuse on or off (off: every sandbox gets a new isolate; idle ones are disposed now). */
export function setIsolateReuse(enabled: boolean): void {
  reuse = enabled;
  if (!enabled) for (const leased of idle.splice(0)) disposeIsolate(leased);
}

/** Isolates created and lent again by this process so far, and idle now (tests, benchmarks). */
export function isolatePoolStats(): { created: number; reused: number; idle: number } {
  return { ...counts, idle: idle.length };
}

/** An isolate of `memoryMb` for one sandbox: an idle one, else a new one. */
export function acquireIsolate(memoryMb: number): LeasedIsolate {
  for (let i = idle.length - 1; i >= 0; i--) {
    const candidate = idle[i] as LeasedIsolate;
    if (candidate.memoryMb !== memoryMb) continue;
    idle.splice(i, 1);
    if (candidate.isolate.isDisposed) continue;
    candidate.uses += 1;
    counts.reused += 1;
    return candidate;
  }
  counts.created += 1;
  const leased: LeasedIsolate = {
    isolate: undefined as unknown as ivm.Isolate,
    memoryMb,
    uses: 1,
    guest: undefined,
    onCatastrophe: logCatastrophe,
  };
  (leased as { isolate: ivm.Isolate }).isolate = new ivm.Isolate({
    memoryLimit: memoryMb,
    onCatastrophicError: (message) => leased.onCatastrophe(message),
  });
  return leased;
}

/**
 * Gives an isolate back after its sandbox's context was released. `clean` says the sandbox ended
 * without any failure of the isolate's own (see the module comment); otherwise, or when reuse is
 * off, the isolate has served its share or holds too much, it is disposed.
 */
export function releaseIsolate(leased: LeasedIsolate, clean: boolean): void {
  leased.onCatastrophe = logCatastrophe;
  const { isolate } = leased;
  if (isolate.isDisposed) return;
  if (!clean || !reuse || leased.uses >= MAX_USES || poisonReason() !== undefined) {
    disposeIsolate(leased);
    return;
  }
  try {
    const heap = isolate.getHeapStatisticsSync();
    const held = heap.used_heap_size + heap.externally_allocated_size;
    if (held > leased.memoryMb * 2 ** 20 * REUSE_HEAP_FRACTION) {
      disposeIsolate(leased);
      return;
    }
  } catch {
    disposeIsolate(leased);
    return;
  }
  idle.push(leased);
  while (idle.length > MAX_IDLE) disposeIsolate(idle.shift() as LeasedIsolate);
}
