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

let flagsApplied = false;

/** Applies SANDBOX_V8_FLAGS once per process, before an isolate is created. */
export function applySandboxV8Flags(): void {
  if (flagsApplied) return;
  for (const flag of SANDBOX_V8_FLAGS) v8.setFlagsFromString(flag);
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
