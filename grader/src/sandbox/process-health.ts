/**
 * What this process knows about its own fitness to keep grading, and the V8 settings every
 * sandbox needs. Both are process-wide: isolated-vm isolates share the host's V8 and its flags.
 *
 * A process is *poisoned* when isolated-vm could not keep an isolate under control: a
 * "catastrophic" error (V8 out of memory outside the soft limit), or a run the host had to abandon
 * because termination did not stop it (a native loop over a huge sparse length keeps a core busy
 * after the watchdog). The grading in progress still gets its result; the process must then be
 * replaced (the grading-process pool does that; see process-pool.ts).
 */
import v8 from 'node:v8';

/**
 * V8 features learner code must not have. They are process-wide flags that affect only contexts
 * created afterwards: the grading process (grading-process.ts) sets them at start, so its own
 * context keeps `Atomics` and every isolate it creates lacks them. So does any worker thread
 * started afterwards, which is why that process runs esbuild without worker threads
 * (ESBUILD_WORKER_THREADS=0). The sandbox's lockdown removes the same features again inside
 * each isolate, so a sandbox made outside a grading process (tests, tools) lacks them too.
 * - `Atomics`: `Atomics.waitAsync` inside an isolated-vm isolate makes it call std::terminate()
 *   (the whole process dies); `Atomics.wait` blocks until the timeout.
 * - resizable ArrayBuffers and growable SharedArrayBuffers: isolated-vm's memory limit does not
 *   see their growth (a 64 MB sandbox reached 2.3 GB).
 */
export const SANDBOX_V8_FLAGS: readonly string[] = Object.freeze([
  '--no-harmony-atomics',
  '--no-harmony-rab-gsab',
]);

/**
 * V8 tiering for a process that only grades. A sandbox's context lives for one grading (tens of
 * ms) and its optimised code dies with it, so with V8's default budget TurboFan spent more CPU
 * compiling the engine again in every context than its code saved: a grading of the affine
 * exercise took about a third less CPU, a convolution grading two thirds less, with a budget
 * 15 times the default (67584). Code that really runs long (a learner's loop of many
 * milliseconds) still reaches it and is optimised, a few milliseconds later than before.
 * Set only in grading processes (grading-process.ts): a server that grades in its own process
 * keeps V8's defaults for itself.
 */
export const GRADING_PROCESS_V8_FLAGS: readonly string[] = Object.freeze(['--interrupt-budget=1000000']);

let flagsApplied = false;

/**
 * Applies SANDBOX_V8_FLAGS once per process, before an isolate is created; with
 * `{ gradingProcess: true }` the tiering flags of GRADING_PROCESS_V8_FLAGS as well.
 */
export function applySandboxV8Flags(options: { gradingProcess?: boolean } = {}): void {
  if (flagsApplied) return;
  for (const flag of SANDBOX_V8_FLAGS) v8.setFlagsFromString(flag);
  if (options.gradingProcess && process.env.GRADLAB_GRADER_DEFAULT_TIERING !== '1')
    for (const flag of GRADING_PROCESS_V8_FLAGS) v8.setFlagsFromString(flag);
  flagsApplied = true;
}

let poison: string | undefined;

/** Marks this process unfit to keep grading (the first reason is kept). */
export function markPoisoned(reason: string): void {
  poison ??= reason;
}

/** Why this process should be replaced, or undefined while it is healthy. */
export function poisonReason(): string | undefined {
  return poison;
}
