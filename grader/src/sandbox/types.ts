/** The sandbox's public types: what goes in, what comes out, how it fails. */
import type { ArrayDType, WireKeep } from './wire.ts';

export type { ArrayDType } from './wire.ts';

export type SourceLanguage = 'ts' | 'js';

/** Resource limits of one grading (one sandbox). Every field has a default (see limits.ts). */
export interface SandboxLimits {
  /** V8 heap limit of the isolate, in MB (isolated-vm's minimum is 8). */
  memoryMb: number;
  /** Wall-clock limit of one call (and of the module's top-level code), in ms. */
  callTimeoutMs: number;
  /** Wall-clock budget of the whole grading: module load plus all calls, in ms. */
  totalTimeMs: number;
  /** Output size per call: 8 bytes per number, 2 per string character. */
  maxOutputBytes: number;
  /** Nesting depth of outputs. */
  maxOutputDepth: number;
  /** Error messages and stack traces are clipped to this many characters. */
  maxMessageChars: number;
  /** Source files longer than this are refused. */
  maxSourceChars: number;
}

export interface SandboxOptions {
  code: string;
  language: SourceLanguage;
  limits?: Partial<SandboxLimits>;
  /** The name learners see in messages and stack traces; default `your-code.ts` / `your-code.js`. */
  filename?: string;
  /** `np` functions this exercise forbids (e.g. `['einsum']`); calling one throws a clear error. */
  forbidden?: readonly string[];
  /**
   * The exercise's scenario bundle (CommonJS: `exports.run`, `exports.gradcheck`), evaluated in
   * the isolate before the learner's module, and the export names it hands to the scenario.
   */
  scenario?: { code: string; functions: readonly string[] };
}

/** One case of a scenario run in the sandbox. */
export interface CaseResult {
  outputs: GuestValue;
  /** inputs the learner changed in place, one message each */
  mutations: string[];
  /** what the learner's console printed during the case */
  logs: string[];
}

/** The gradient self-check's outcome, computed in the sandbox. */
export interface SelfCheckResult {
  passed: boolean;
  message: string;
  metrics: Record<string, number>;
}

/** An n-d array as plain data, row-major. Inputs must be float64 for now. */
export interface PlainArray {
  readonly shape: readonly number[];
  readonly dtype: ArrayDType;
  readonly data: Float64Array;
}

/** An array copied out of the sandbox (validated: shape of non-negative ints, data length = product). */
export class ArrayValue implements PlainArray {
  constructor(
    readonly shape: readonly number[],
    readonly dtype: ArrayDType,
    readonly data: Float64Array,
  ) {
    Object.freeze(this);
  }
}

/**
 * A value that stays inside one sandbox (e.g. a layer's `cache`); pass it back as an argument of a
 * later call of the same sandbox and the learner receives their own object.
 */
export class GuestHandle {
  /** @internal */
  constructor(
    readonly sandboxId: number,
    readonly id: number,
    /** What the value is: `array`, `object`, a class name, `function`... (for messages). */
    readonly kind: string,
  ) {
    Object.freeze(this);
  }
}

/** A plain-data record copied out of the sandbox; it has a null prototype. */
export interface GuestRecord {
  readonly [key: string]: GuestValue;
}

/** Anything a call can return. */
export type GuestValue =
  | null
  | undefined
  | boolean
  | number
  | string
  | ArrayValue
  | GuestHandle
  | readonly GuestValue[]
  | GuestRecord;

/** Anything a call accepts. An object whose `data` is a Float64Array is taken as a PlainArray. */
export type SandboxArg =
  | null
  | undefined
  | boolean
  | number
  | string
  | PlainArray
  | GuestHandle
  | readonly SandboxArg[]
  | { readonly [key: string]: SandboxArg };

export type FailureStatus = 'compile_error' | 'runtime_error' | 'timeout' | 'memory_limit';

export interface SandboxFailure {
  status: FailureStatus;
  /** For the learner: what happened, in their own terms (line numbers of their source). */
  message: string;
  /** The learner's stack, mapped to their source, harness frames removed; '' when none. */
  stack: string;
  /** True when the sandbox is gone (timeout, memory limit, budget): later calls fail the same way. */
  fatal: boolean;
  /** what the learner's console printed before the failure, when known */
  logs?: string[];
}

export type CreateResult = { ok: true; sandbox: SandboxApi } | { ok: false; failure: SandboxFailure };

export type CallResult =
  | { ok: true; value: GuestValue; durationMs: number }
  | { ok: false; failure: SandboxFailure };

export interface CallOptions {
  /**
   * Parts of the result kept inside the isolate as GuestHandles instead of being copied out:
   * top-level property names or indices (`['cache']` for `{ out, cache }`, `[1]` for
   * `[out, cache]`), or `'non-arrays'`: every top-level property or item that is an object or a
   * function but not an np array (np arrays, numbers, strings and booleans are copied).
   */
  keep?: WireKeep;
}

export interface SandboxExport {
  name: string;
  /** `function`, `number`, `object`, a class name... */
  kind: string;
}

/** What a created sandbox offers (implemented by Sandbox). */
export interface SandboxApi {
  readonly exports: readonly SandboxExport[];
  call(name: string, args: readonly SandboxArg[], options?: CallOptions): Promise<CallResult>;
  /** Keeps host data inside the isolate as a learner value (e.g. to check later that a call did not mutate it). */
  put(value: SandboxArg): Promise<{ ok: true; handle: GuestHandle } | { ok: false; failure: SandboxFailure }>;
  /** Copies out the current value behind a handle. */
  read(handle: GuestHandle): Promise<CallResult>;
  /** Runs one case of the exercise's scenario (SandboxOptions.scenario) on copies of `inputs`. */
  runCase(
    inputs: Record<string, SandboxArg>,
  ): Promise<{ ok: true; value: CaseResult } | { ok: false; failure: SandboxFailure }>;
  /** Runs the scenario's gradient self-check on copies of `inputs`. */
  selfCheck(
    inputs: Record<string, SandboxArg>,
  ): Promise<{ ok: true; value: SelfCheckResult } | { ok: false; failure: SandboxFailure }>;
  /** Milliseconds of the total budget used so far. */
  readonly usedMs: number;
  readonly disposed: boolean;
  /** Frees the isolate; safe to call more than once. */
  dispose(): void;
}
