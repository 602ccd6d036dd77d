/**
 * One grading's sandbox: a fresh context, with the engine bundle and the learner's module and
 * nothing else, in an isolated-vm isolate of its own: a new one, or one that served earlier
 * sandboxes that ended cleanly (see isolate-pool.ts for why nothing of theirs is reachable). The
 * host talks to it through one guest function (the harness's dispatch) and only with copies; no
 * host function or Reference is ever handed to the isolate.
 *
 * Every operation runs under three clocks: isolated-vm's per-run `timeout`, a host watchdog that
 * disposes the isolate if that ever fails to fire, and the grading's total budget. Timeouts,
 * memory-limit disposal and budget exhaustion end the sandbox (`fatal`); an exception in a call
 * does not.
 */
import type ivm from 'isolated-vm';
import { z } from 'zod';
import { compileLearner, LEARNER_SCRIPT, wrapModule } from './compile.ts';
import { compileGuest, guestBundle } from './guest-bundle.ts';
import { decodeOutput, encodeArg } from './host-wire.ts';
import { acquireIsolate, type LeasedIsolate, releaseIsolate } from './isolate-pool.ts';
import { resolveLimits } from './limits.ts';
import { markPoisoned } from './process-health.ts';
import type { SourceMap } from './source-map.ts';
import { learnerStack } from './stack.ts';
import {
  type CallOptions,
  type CallResult,
  type CaseResult,
  type CreateResult,
  GuestHandle,
  type GuestValue,
  type SandboxApi,
  type SandboxArg,
  type SandboxExport,
  type SandboxFailure,
  type SandboxLimits,
  type SandboxOptions,
  type SelfCheckResult,
} from './types.ts';
import { DISPATCH_GLOBAL, type WireError, type WireValue } from './wire.ts';

const wireLines = z.array(z.string().max(100_000)).max(1000);
const wireError = z.object({
  kind: z.enum(['thrown', 'output', 'input', 'not_found', 'async']),
  name: z.string(),
  message: z.string(),
  stack: z.string(),
  where: z.string().max(200).optional(),
  logs: wireLines.optional(),
});
const wireCase = z.object({ outputs: z.unknown(), mutations: wireLines, logs: wireLines });
const wireSelfCheck = z.object({
  passed: z.boolean(),
  message: z.string().max(10_000),
  metrics: z.record(z.string(), z.number()),
});
const wireResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: wireError }),
]);
const wireExports = z.object({ names: z.array(z.string()).max(1000), kinds: z.array(z.string()).max(1000) });

type Outcome<T> = { ok: true; value: T } | { ok: false; failure: SandboxFailure };
type DispatchRef = ivm.Reference<(...args: unknown[]) => unknown>;

/** isolated-vm 5 crashes the process without it on Node 20; fail with a message instead. */
function assertNoNodeSnapshot(): void {
  const flag = '--no-node-snapshot';
  if (process.execArgv.includes(flag) || (process.env.NODE_OPTIONS ?? '').includes(flag)) return;
  throw new Error(`the grader sandbox needs Node started with ${flag} (e.g. NODE_OPTIONS=${flag})`);
}

const failure = (
  status: SandboxFailure['status'],
  message: string,
  fatal: boolean,
  stack = '',
): SandboxFailure => ({
  status,
  message,
  stack,
  fatal,
});

let nextSandboxId = 1;

export class Sandbox implements SandboxApi {
  readonly exports: readonly SandboxExport[] = [];
  private readonly id = nextSandboxId++;
  private used = 0;
  private ended: SandboxFailure | undefined;
  private timedOut = false;
  private queue: Promise<unknown> = Promise.resolve();
  private dispatch: DispatchRef | undefined;
  private abandonRun: ((reason: Error) => void) | undefined;
  private catastrophe: string | undefined;

  private readonly isolate: ivm.Isolate;
  /** operations started on the isolate and not yet settled */
  private running = 0;
  /** the isolate went back to the pool, or was disposed: this sandbox is over */
  private released = false;

  private constructor(
    private readonly leased: LeasedIsolate,
    private readonly context: ivm.Context,
    private readonly limits: SandboxLimits,
    private readonly sourceMap: SourceMap,
    private readonly filename: string,
  ) {
    this.isolate = leased.isolate;
  }

  /**
   * Compiles the learner's code, starts a fresh context with the engine and runs the module.
   * Fails with `compile_error`, or with the status of the module's top-level code.
   */
  static async create(options: SandboxOptions): Promise<CreateResult> {
    assertNoNodeSnapshot();
    const limits = resolveLimits(options.limits);
    const compiled = await compileLearner(options.code, options.language, {
      maxSourceChars: limits.maxSourceChars,
      ...(options.filename === undefined ? {} : { filename: options.filename }),
    });
    if (!compiled.ok) return { ok: false, failure: failure('compile_error', compiled.message, true) };
    const bundle = await guestBundle();
    const leased = acquireIsolate(limits.memoryMb);
    let sandbox: Sandbox | undefined;
    try {
      const context = leased.isolate.createContextSync();
      sandbox = new Sandbox(leased, context, limits, compiled.sourceMap, compiled.filename);
      const current = sandbox;
      leased.onCatastrophe = (message) => current.catastrophic(message);
      const loaded = await sandbox.load(
        bundle,
        compiled.code,
        [...(options.forbidden ?? [])],
        options.scenario
          ? { code: options.scenario.code, functions: [...options.scenario.functions] }
          : undefined,
      );
      if (!loaded.ok) {
        sandbox.dispose();
        return { ok: false, failure: { ...loaded.failure, fatal: true } };
      }
      return { ok: true, sandbox };
    } catch (error) {
      if (sandbox) sandbox.discard();
      else releaseIsolate(leased, false);
      throw error;
    }
  }

  get usedMs(): number {
    return this.used;
  }

  get disposed(): boolean {
    return this.released || this.isolate.isDisposed;
  }

  /**
   * Ends the sandbox. Its context is released; the isolate goes back to the pool only when the
   * sandbox ended cleanly (see isolate-pool.ts): no failure ended it (a timeout, the memory
   * limit, a protocol error...), nothing is running in it and isolated-vm never lost control.
   */
  dispose(): void {
    const clean =
      this.ended === undefined &&
      !this.timedOut &&
      this.catastrophe === undefined &&
      this.running === 0 &&
      !this.isolate.isDisposed;
    this.finish(clean);
  }

  /** Ends the sandbox and disposes its isolate, whatever happened. */
  discard(): void {
    this.finish(false);
  }

  private finish(clean: boolean): void {
    this.ended ??= failure('runtime_error', 'the sandbox was disposed', true);
    this.dispatch?.release();
    this.dispatch = undefined;
    if (this.released) return;
    this.released = true;
    if (clean) {
      try {
        this.context.release();
      } catch {
        clean = false;
      }
    }
    releaseIsolate(this.leased, clean);
  }

  /** Calls the learner's export `name` with copies of `args`; the result comes back as a copy. */
  call(name: string, args: readonly SandboxArg[], options: CallOptions = {}): Promise<CallResult> {
    const wireArgs = args.map((arg, i) => encodeArg(arg, `argument ${i + 1}`, 0, (h) => this.handleId(h)));
    const keep =
      options.keep === undefined || options.keep === 'non-arrays' ? options.keep : [...options.keep];
    return this.serial(async () => {
      const started = performance.now();
      const result = await this.guarded(`${name}()`, (timeout, dispatch) =>
        dispatch.apply(undefined, ['call', name, wireArgs, keep], {
          arguments: { copy: true },
          result: { copy: true },
          timeout,
        }),
      );
      const value = this.toValue(result);
      return value.ok ? { ok: true, value: value.value, durationMs: performance.now() - started } : value;
    });
  }

  put(
    value: SandboxArg,
  ): Promise<{ ok: true; handle: GuestHandle } | { ok: false; failure: SandboxFailure }> {
    const wire = encodeArg(value, 'value', 0, (h) => this.handleId(h));
    return this.serial(async () => {
      const result = this.toValue(
        await this.guarded('put', (timeout, dispatch) =>
          dispatch.apply(undefined, ['put', wire], {
            arguments: { copy: true },
            result: { copy: true },
            timeout,
          }),
        ),
      );
      if (!result.ok) return result;
      if (!(result.value instanceof GuestHandle))
        return this.end(failure('runtime_error', 'sandbox protocol error', true));
      return { ok: true, handle: result.value };
    });
  }

  read(handle: GuestHandle): Promise<CallResult> {
    const id = this.handleId(handle);
    return this.serial(async () => {
      const started = performance.now();
      const result = this.toValue(
        await this.guarded('read', (timeout, dispatch) =>
          dispatch.apply(undefined, ['read', id], { result: { copy: true }, timeout }),
        ),
      );
      return result.ok ? { ok: true, value: result.value, durationMs: performance.now() - started } : result;
    });
  }

  /** Runs one case of the exercise's scenario in the isolate on copies of `inputs`. */
  runCase(
    inputs: Record<string, SandboxArg>,
  ): Promise<{ ok: true; value: CaseResult } | { ok: false; failure: SandboxFailure }> {
    return this.scenarioOp('case', 'the case', inputs, (result) => {
      const started = performance.now();
      try {
        return this.caseValue(result);
      } finally {
        this.used += performance.now() - started;
      }
    });
  }

  /** Runs the exercise's gradient self-check in the isolate on copies of `inputs`. */
  selfCheck(
    inputs: Record<string, SandboxArg>,
  ): Promise<{ ok: true; value: SelfCheckResult } | { ok: false; failure: SandboxFailure }> {
    return this.scenarioOp('selfcheck', 'the gradient self-check', inputs, (result) => {
      if (!result.ok) return result;
      const parsed = wireResult.safeParse(result.value);
      if (!parsed.success) return this.end(failure('runtime_error', 'sandbox protocol error', true));
      if (!parsed.data.ok) return this.reportedFailure(parsed.data.error);
      const outcome = wireSelfCheck.safeParse(parsed.data.value);
      if (!outcome.success)
        return this.end(failure('runtime_error', 'sandbox protocol error (self-check)', true));
      return { ok: true, value: outcome.data };
    });
  }

  /** One scenario operation of the harness on copies of `inputs`, read by `read`. */
  private scenarioOp<T>(
    op: 'case' | 'selfcheck',
    what: string,
    inputs: Record<string, SandboxArg>,
    read: (result: Outcome<unknown>) => T,
  ): Promise<T> {
    const wire = encodeArg(inputs, 'inputs', 0, (h) => this.handleId(h));
    return this.serial(async () =>
      read(
        await this.guarded(what, (timeout, dispatch) =>
          dispatch.apply(undefined, [op, wire], {
            arguments: { copy: true },
            result: { copy: true },
            timeout,
          }),
        ),
      ),
    );
  }

  private caseValue(
    result: Outcome<unknown>,
  ): { ok: true; value: CaseResult } | { ok: false; failure: SandboxFailure } {
    if (!result.ok) return result;
    const parsed = wireResult.safeParse(result.value);
    if (!parsed.success) return this.end(failure('runtime_error', 'sandbox protocol error', true));
    if (!parsed.data.ok) return this.reportedFailure(parsed.data.error);
    const ran = wireCase.safeParse(parsed.data.value);
    if (!ran.success) return this.end(failure('runtime_error', 'sandbox protocol error (case)', true));
    try {
      const outputs = decodeOutput(ran.data.outputs as WireValue, {
        maxDepth: this.limits.maxOutputDepth,
        maxBytes: this.limits.maxOutputBytes,
        makeHandle: (id, kind) => new GuestHandle(this.id, id, kind),
      });
      return { ok: true, value: { outputs, mutations: ran.data.mutations, logs: ran.data.logs } };
    } catch {
      return this.end(failure('runtime_error', 'the sandbox returned malformed output', true));
    }
  }

  /** A failure the guest reported as data: the learner's exception, an output error... */
  private reportedFailure(error: WireError): { ok: false; failure: SandboxFailure } {
    const reported = this.fromWireError(error, '', false);
    const withLogs = error.logs ? { ...reported, logs: error.logs } : reported;
    return withLogs.fatal ? this.end(withLogs) : { ok: false, failure: withLogs };
  }

  private handleId(value: unknown): number | undefined {
    if (!(value instanceof GuestHandle)) return undefined;
    if (value.sandboxId !== this.id) throw new TypeError('this GuestHandle belongs to another sandbox');
    return value.id;
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private end(reason: SandboxFailure): { ok: false; failure: SandboxFailure } {
    this.ended ??= reason;
    this.dispose();
    return { ok: false, failure: this.ended };
  }

  /** Runs the engine bundle, takes the dispatch function, then runs the learner's module. */
  private async load(
    bundle: Awaited<ReturnType<typeof guestBundle>>,
    learnerCode: string,
    forbidden: string[],
    scenario: { code: string; functions: string[] } | undefined,
  ): Promise<Outcome<null>> {
    // One compile per isolate: each context runs the same unbound script (its top level anew).
    this.leased.guest ??= await compileGuest(this.isolate, bundle);
    // Our own code until the learner's module runs: synchronous calls, without a trip through
    // isolated-vm's thread pool each (the timeouts still apply).
    this.leased.guest.runSync(this.context, { timeout: 5000 });
    const dispatch = this.context.global.getSync(DISPATCH_GLOBAL, { reference: true }) as DispatchRef;
    this.context.global.deleteSync(DISPATCH_GLOBAL);
    this.dispatch = dispatch;
    const configured = wireResult.safeParse(
      dispatch.applySync(
        undefined,
        [
          'configure',
          {
            maxBytes: this.limits.maxOutputBytes,
            maxDepth: this.limits.maxOutputDepth,
            maxMessageChars: this.limits.maxMessageChars,
          },
          forbidden,
          scenario,
        ],
        { arguments: { copy: true }, result: { copy: true }, timeout: 5000 },
      ),
    );
    if (!configured.success || !configured.data.ok)
      throw new Error(
        `the sandbox could not be configured: ${configured.success && !configured.data.ok ? configured.data.error.message : 'protocol error'}`,
      );
    let script: ivm.Script;
    try {
      script = await this.isolate.compileScript(wrapModule(learnerCode), { filename: LEARNER_SCRIPT });
    } catch (error) {
      return {
        ok: false,
        failure: failure('compile_error', error instanceof Error ? error.message : String(error), true),
      };
    }
    const result = await this.guarded('the module', async (timeout, dispatchRef) => {
      const moduleFunction = (await script.run(this.context, {
        reference: true,
        timeout,
        release: true,
      })) as ivm.Reference;
      return dispatchRef.apply(undefined, ['load', moduleFunction.derefInto({ release: true })], {
        result: { copy: true },
        timeout,
      });
    });
    if (!result.ok) return result;
    const parsed = wireResult.safeParse(result.value);
    if (!parsed.success) return this.end(failure('runtime_error', 'sandbox protocol error (load)', true));
    if (!parsed.data.ok)
      return { ok: false, failure: this.fromWireError(parsed.data.error, 'your module', true) };
    const names = wireExports.safeParse(parsed.data.value);
    if (!names.success) return this.end(failure('runtime_error', 'sandbox protocol error (exports)', true));
    (this as { exports: readonly SandboxExport[] }).exports = Object.freeze(
      names.data.names.map((name, i) =>
        Object.freeze({ name: name.slice(0, 200), kind: names.data.kinds[i] ?? 'unknown' }),
      ),
    );
    return { ok: true, value: null };
  }

  /** Runs one operation under the per-call timeout, the watchdog and the total budget. */
  private async guarded<T>(
    what: string,
    op: (timeout: number, dispatch: DispatchRef) => Promise<T>,
  ): Promise<Outcome<T>> {
    if (this.ended || !this.dispatch)
      return { ok: false, failure: this.ended ?? failure('runtime_error', 'not loaded', true) };
    const remaining = this.limits.totalTimeMs - this.used;
    if (remaining < 1)
      return this.end(
        failure(
          'timeout',
          `time limit exceeded: the grading's budget of ${this.limits.totalTimeMs} ms is used up`,
          true,
        ),
      );
    const budgetBound = remaining < this.limits.callTimeoutMs;
    const timeout = Math.max(1, Math.floor(Math.min(this.limits.callTimeoutMs, remaining)));
    const started = performance.now();
    // The host watchdog: should isolated-vm's own timeout not end the run (it always has in our
    // tests), or the isolate fail catastrophically (V8 out of memory outside the soft limit), the
    // operation is abandoned and the isolate disposed, so the caller never waits forever.
    let abandon: ((reason: Error) => void) | undefined;
    const abandoned = new Promise<never>((_, reject) => {
      abandon = reject;
    });
    this.abandonRun = (reason) => {
      if (!this.isolate.isDisposed) this.isolate.dispose();
      abandon?.(reason);
    };
    const watchdog = setTimeout(() => {
      this.timedOut = true;
      // isolated-vm's own timeout did not stop the run (a native builtin looping over a huge
      // length ignores termination): the isolate's thread may keep running after disposal.
      markPoisoned(`${what} could not be stopped at its time limit`);
      this.abandonRun?.(new Error('watchdog: timed out'));
    }, timeout + Math.max(250, timeout));
    this.running += 1;
    try {
      return { ok: true, value: await Promise.race([op(timeout, this.dispatch), abandoned]) };
    } catch (error) {
      return this.end(this.classify(error, what, timeout, budgetBound, performance.now() - started));
    } finally {
      this.running -= 1;
      clearTimeout(watchdog);
      this.abandonRun = undefined;
      this.used += performance.now() - started;
    }
  }

  /** isolated-vm lost control of the isolate (V8 hit its hard heap limit): give up on it now. */
  private catastrophic(message: string): void {
    this.catastrophe = message;
    markPoisoned(`isolated-vm catastrophic error: ${message}`);
    console.error(`gradlab sandbox: isolated-vm catastrophic error: ${message}`);
    this.abandonRun?.(new Error(`catastrophic: ${message}`));
  }

  /**
   * Why an operation on the isolate failed, decided from the host's own signals only: the
   * watchdog, the time the run took against its timeout, isolated-vm disposing the isolate (its
   * memory limit) or reporting a catastrophe. An error's text is learner-controlled (code can
   * throw `new Error('Script execution timed out.')`) and never decides the status.
   */
  private classify(
    error: unknown,
    what: string,
    timeout: number,
    budgetBound: boolean,
    elapsedMs: number,
  ): SandboxFailure {
    const message = error instanceof Error ? error.message : String(error);
    if (this.catastrophe !== undefined)
      return failure(
        'memory_limit',
        `memory limit exceeded: ${what} used more than ${this.limits.memoryMb} MB`,
        true,
      );
    if (this.timedOut || elapsedMs >= timeout)
      return failure(
        'timeout',
        budgetBound
          ? `time limit exceeded: ${what} ran past the end of the grading's budget of ${this.limits.totalTimeMs} ms`
          : `time limit exceeded: ${what} ran longer than ${timeout} ms (an infinite loop?)`,
        true,
      );
    if (this.isolate.isDisposed && !this.ended)
      return failure(
        'memory_limit',
        `memory limit exceeded: ${what} used more than ${this.limits.memoryMb} MB`,
        true,
      );
    if (this.ended) return this.ended;
    if (message === 'Not supported')
      return failure(
        'runtime_error',
        `${what} used import(): your code runs alone, with the global np as its only library`,
        true,
      );
    // e.g. a promise rejected after the call returned, which isolated-vm reports on the run
    return failure('runtime_error', `${what} failed: ${message.slice(0, this.limits.maxMessageChars)}`, true);
  }

  /**
   * Checks and decodes what the guest sent. The host's time spent reading a learner's output
   * is charged to the grading's budget like the learner's own time: a program cannot make the
   * host work for free by returning an output that is slow to read.
   */
  private toValue(result: Outcome<unknown>): Outcome<GuestValue> {
    const started = performance.now();
    try {
      return this.decode(result);
    } finally {
      this.used += performance.now() - started;
    }
  }

  private decode(result: Outcome<unknown>): Outcome<GuestValue> {
    if (!result.ok) return result;
    const parsed = wireResult.safeParse(result.value);
    if (!parsed.success) return this.end(failure('runtime_error', 'sandbox protocol error', true));
    if (!parsed.data.ok) {
      const error = parsed.data.error;
      const reported = this.fromWireError(error, '', false);
      return reported.fatal ? this.end(reported) : { ok: false, failure: reported };
    }
    try {
      const value = decodeOutput(parsed.data.value as WireValue, {
        maxDepth: this.limits.maxOutputDepth,
        maxBytes: this.limits.maxOutputBytes,
        makeHandle: (id, kind) => new GuestHandle(this.id, id, kind),
      });
      return { ok: true, value };
    } catch {
      return this.end(failure('runtime_error', 'the sandbox returned malformed output', true));
    }
  }

  private fromWireError(error: WireError, where: string, fatal: boolean): SandboxFailure {
    const clip = (text: string) => text.slice(0, this.limits.maxMessageChars);
    // A failed allocation is an exception the learner's code could have caught (and anyone can
    // throw one): it stays a runtime error, with the limit named to make it actionable.
    const memoryNote =
      error.name === 'RangeError' && /allocation failed|out of memory/i.test(error.message)
        ? ` (the sandbox has ${this.limits.memoryMb} MB of memory)`
        : '';
    const stack = learnerStack(clip(error.stack), this.sourceMap, this.filename);
    switch (error.kind) {
      case 'thrown': {
        const at = /\(?[^\s(]+:(\d+):(\d+)\)?$/m.exec(stack);
        const position = at ? ` (line ${at[1]}, column ${at[2]})` : '';
        const prefix = error.where ? `${error.where}: ` : where ? `${where} threw ` : '';
        return failure(
          'runtime_error',
          clip(`${prefix}${error.name}: ${error.message}${position}${memoryNote}`),
          fatal,
          stack,
        );
      }
      case 'output':
        return failure('runtime_error', clip(`invalid output: ${error.message}`), fatal);
      case 'input':
        return failure('runtime_error', clip(`could not pass the inputs: ${error.message}`), fatal);
      case 'not_found':
      case 'async':
        return failure('runtime_error', clip(error.message), fatal);
    }
  }
}

/** The sandbox of one grading; see Sandbox.create. */
export function createSandbox(options: SandboxOptions): Promise<CreateResult> {
  return Sandbox.create(options);
}
