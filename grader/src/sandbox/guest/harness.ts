/**
 * The guest half of the sandbox: loads the learner's module, calls its exports with host data
 * turned into engine arrays, and turns results into wire values. Values the host asks to keep
 * (a layer's `cache`) stay here in a handle table and travel as ids.
 *
 * Every error is caught and described here as data, so the host never has to touch a guest
 * object: what it receives is a structured-clone copy of what this file builds.
 */

import { ConsoleCapture, LearnerError, runCase, type Scenario, selfCheck } from '../../scenario/realm.ts';
import type {
  WireCaseResult,
  WireError,
  WireErrorKind,
  WireExports,
  WireKeep,
  WireOutputLimits,
  WireRef,
  WireResult,
  WireSelfCheck,
  WireValue,
} from '../wire.ts';
import { lockDown } from './lockdown.ts';
import { fromHost, NDArrayClass, np } from './np-binding.ts';
import { dataProperty, P } from './primordials.ts';
import { describeValue, OutputError, Serializer } from './serialize.ts';

class InputError extends Error {}

let limits: WireOutputLimits = { maxBytes: 16 * 1024 * 1024, maxDepth: 32, maxMessageChars: 4000 };
let moduleExports: Record<string, unknown> | undefined;
const handles = new P.Map<number, unknown>();
/**
 * For handles made by `put` from host arrays: the array's shape and the data buffer it was built
 * on, kept here before learner code sees the array. `read` copies from these, so the
 * input-mutation check sees every change in place, whatever the learner did to the object.
 */
const inputData = new P.Map<number, { shape: number[]; data: Float64Array }>();
let nextHandle = 1;

function clip(text: string): string {
  return text.length > limits.maxMessageChars ? `${P.StringSlice(text, 0, limits.maxMessageChars)}...` : text;
}

/** Reads a property of a thrown value without letting a second throw escape. */
function readString(value: object, key: string): string | undefined {
  try {
    const field: unknown = P.ReflectGet(value, key);
    return typeof field === 'string' ? field : undefined;
  } catch {
    return undefined;
  }
}

function describeThrown(thrown: unknown, kind: WireErrorKind): WireError {
  if (thrown !== null && (typeof thrown === 'object' || typeof thrown === 'function')) {
    const name = readString(thrown, 'name') ?? describeValue(thrown);
    const message = readString(thrown, 'message');
    const stack = readString(thrown, 'stack') ?? '';
    if (message !== undefined) return { kind, name: clip(name), message: clip(message), stack: clip(stack) };
    return { kind, name: 'Error', message: `a non-Error ${describeValue(thrown)} was thrown`, stack: '' };
  }
  let text: string;
  try {
    text =
      typeof thrown === 'symbol' ? 'a Symbol' : typeof thrown === 'string' ? `"${thrown}"` : P.String(thrown);
  } catch {
    text = typeof thrown;
  }
  return { kind, name: 'Error', message: clip(`${text} was thrown (not an Error object)`), stack: '' };
}

function fail(thrown: unknown, kind: WireErrorKind): { ok: false; error: WireError } {
  if (thrown instanceof OutputError) kind = 'output';
  if (thrown instanceof InputError) kind = 'input';
  return { ok: false, error: describeThrown(thrown, kind) };
}

function keep(value: unknown): WireRef {
  const id = nextHandle++;
  P.MapSet(handles, id, value);
  return { t: 'ref', id, kind: describeValue(value) };
}

function decodeInput(value: WireValue, path: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  switch (value.t) {
    case 'nd':
      try {
        return fromHost(value.shape, value.dtype, value.data);
      } catch (error) {
        throw new InputError(`${path}: ${describeThrown(error, 'input').message}`);
      }
    case 'ref':
      if (!P.MapHas(handles, value.id)) throw new InputError(`${path}: unknown handle ${value.id}`);
      return P.MapGet(handles, value.id);
    case 'list': {
      const items: unknown[] = [];
      for (let i = 0; i < value.items.length; i++)
        P.ReflectDefineProperty(items, i, dataProperty(decodeInput(value.items[i], `${path}[${i}]`)));
      return items;
    }
    case 'rec': {
      const record: Record<string, unknown> = {};
      for (let i = 0; i < value.entries.length; i++) {
        const entry = value.entries[i] as [string, WireValue];
        P.ReflectDefineProperty(record, entry[0], dataProperty(decodeInput(entry[1], `${path}.${entry[0]}`)));
      }
      return record;
    }
    default:
      throw new InputError(`${path}: unknown input`);
  }
}

function encodeOutput(value: unknown, path: string, keepKeys?: WireKeep): WireValue {
  return new Serializer(limits, keep).encode(value, path, 0, keepKeys);
}

let configured = false;
let scenario: Scenario | undefined;
let scenarioFunctions: string[] = [];
const capture = new ConsoleCapture();
const FunctionConstructor = Function;

/** Evaluates the exercise's scenario bundle (CommonJS, `exports.run`, `exports.gradcheck`). */
function evaluateScenario(code: string): Scenario {
  const module: { exports: Record<string, unknown> } = { exports: {} };
  const factory = new FunctionConstructor('exports', 'module', 'require', code) as (
    e: unknown,
    m: unknown,
    r: unknown,
  ) => void;
  P.ReflectApply(factory, undefined, [
    module.exports,
    module,
    (name: string) => {
      throw new P.Error(`the scenario imports "${name}" at run time`);
    },
  ]);
  const run = P.ReflectGet(module.exports, 'run');
  if (typeof run !== 'function') throw new P.Error('the scenario bundle exports no run function');
  return module.exports as unknown as Scenario;
}

/**
 * Sets the output limits, evaluates the exercise's scenario and locks the global down, once,
 * before the learner's module runs. The learner's `console` writes into a capture read per case.
 */
function configure(
  next: WireOutputLimits,
  forbidden: string[],
  scenarioCode?: string,
  functions?: string[],
): WireResult<null> {
  if (configured) return fail(new P.Error('already configured'), 'input');
  configured = true;
  limits = { maxBytes: next.maxBytes, maxDepth: next.maxDepth, maxMessageChars: next.maxMessageChars };
  try {
    if (typeof scenarioCode === 'string') {
      scenario = evaluateScenario(scenarioCode);
      scenarioFunctions = P.ArrayIsArray(functions) ? functions : [];
    }
  } catch (error) {
    return fail(error, 'input');
  }
  P.ReflectDefineProperty(globalThis, 'console', {
    value: P.ObjectFreeze(capture.console()),
    writable: false,
    enumerable: false,
    configurable: false,
  });
  lockDown(globalThis, np, NDArrayClass, forbidden);
  return { ok: true, value: null };
}

/** A failure inside a scenario: the learner export that threw is named in `where`. */
function scenarioFailure(error: unknown): { ok: false; error: WireError } {
  if (error instanceof LearnerError) {
    const failed = fail(error.thrown, 'thrown');
    return { ok: false, error: { ...failed.error, where: error.exportName } };
  }
  return fail(error, 'thrown');
}

/** Freezes every array of a decoded input tree (no own property can shadow an engine method). */
function freezeArrays(value: unknown, depth = 0): void {
  if (value === null || typeof value !== 'object' || depth > 64) return;
  if (value instanceof (NDArrayClass as new (...args: never[]) => object)) {
    P.ObjectFreeze(value);
    return;
  }
  const keys = P.ObjectKeys(value);
  for (let i = 0; i < keys.length; i++) freezeArrays(P.ReflectGet(value, keys[i] as string), depth + 1);
}

/** Runs one case of the scenario on `inputs` (a record) with the learner's exports. */
function scenarioCase(inputs: WireValue): WireResult<WireCaseResult> {
  if (!scenario || moduleExports === undefined)
    return fail(new P.Error('no scenario or module loaded'), 'input');
  let decoded: Record<string, unknown>;
  try {
    decoded = decodeInput(inputs, 'inputs') as Record<string, unknown>;
    freezeArrays(decoded);
  } catch (error) {
    return fail(error, 'input');
  }
  capture.take();
  let ran: { outputs: Record<string, unknown>; mutations: string[] };
  try {
    ran = runCase(scenario, moduleExports, scenarioFunctions, decoded as never);
  } catch (error) {
    const failed = scenarioFailure(error);
    return { ok: false, error: { ...failed.error, logs: capture.take() } };
  }
  try {
    return {
      ok: true,
      value: {
        outputs: encodeOutput(ran.outputs, 'outputs'),
        mutations: ran.mutations,
        logs: capture.take(),
      },
    };
  } catch (error) {
    return fail(error, 'output');
  }
}

/** The gradient self-check of the learner's forward against their backward, here in the realm. */
function scenarioSelfCheck(inputs: WireValue): WireResult<WireSelfCheck> {
  const check = scenario?.gradcheck;
  if (!check || moduleExports === undefined) return fail(new P.Error('no gradient check loaded'), 'input');
  let decoded: Record<string, unknown>;
  try {
    decoded = decodeInput(inputs, 'inputs') as Record<string, unknown>;
  } catch (error) {
    return fail(error, 'input');
  }
  try {
    const outcome = selfCheck(check, moduleExports, scenarioFunctions, decoded as never);
    capture.take();
    return {
      ok: true,
      value: { passed: outcome.passed, message: outcome.message, metrics: outcome.metrics },
    };
  } catch (error) {
    capture.take();
    return scenarioFailure(error);
  }
}

/** Runs the learner's module function `(module, exports) => void` and records its exports. */
function load(moduleFunction: unknown): WireResult<WireExports> {
  if (typeof moduleFunction !== 'function')
    return fail(new P.Error('the module did not compile to a function'), 'thrown');
  const module: { exports: unknown } = { exports: {} };
  try {
    P.ReflectApply(moduleFunction, undefined, [module, module.exports]);
  } catch (error) {
    return fail(error, 'thrown');
  }
  const exported = module.exports;
  if (exported === null || (typeof exported !== 'object' && typeof exported !== 'function'))
    return fail(new P.Error('the module exports nothing: use `export function name(...) {...}`'), 'thrown');
  moduleExports = exported as Record<string, unknown>;
  const names: string[] = [];
  const kinds: string[] = [];
  try {
    const keys = P.ObjectKeys(exported);
    for (let i = 0; i < keys.length && i < 1000; i++) {
      const key = P.String(keys[i]);
      if (key === '__esModule') continue;
      P.ReflectDefineProperty(names, names.length, dataProperty(key));
      const kind = describeValue(P.ReflectGet(exported, key));
      P.ReflectDefineProperty(kinds, kinds.length, dataProperty(kind));
    }
  } catch (error) {
    return fail(error, 'thrown');
  }
  return { ok: true, value: { names, kinds } };
}

function call(name: string, args: WireValue[], keepKeys: WireKeep): WireResult<WireValue> {
  let fn: unknown;
  try {
    fn = moduleExports === undefined ? undefined : P.ReflectGet(moduleExports, name);
  } catch (error) {
    return fail(error, 'thrown');
  }
  if (typeof fn !== 'function')
    return fail(
      new P.Error(
        fn === undefined
          ? `your code does not export \`${name}\` (write \`export function ${name}(...)\`)`
          : `\`${name}\` is exported but is a ${describeValue(fn)}, not a function`,
      ),
      'not_found',
    );
  let inputs: unknown[];
  try {
    inputs = [];
    for (let i = 0; i < args.length; i++)
      P.ReflectDefineProperty(
        inputs,
        i,
        dataProperty(decodeInput(args[i] as WireValue, `argument ${i + 1}`)),
      );
  } catch (error) {
    return fail(error, 'input');
  }
  let result: unknown;
  try {
    result = P.ReflectApply(fn, undefined, inputs);
  } catch (error) {
    return fail(error, 'thrown');
  }
  if (result instanceof P.Promise)
    return fail(
      new P.Error(`${name} returned a Promise: async functions are not supported, make ${name} synchronous`),
      'async',
    );
  try {
    return { ok: true, value: encodeOutput(result, `the result of ${name}`, keepKeys) };
  } catch (error) {
    return fail(error, 'output');
  }
}

/**
 * Copies out the current value behind a handle (e.g. to check that inputs were not mutated): for
 * an input array, straight from the data it was built on.
 */
function read(id: number): WireResult<WireValue> {
  if (!P.MapHas(handles, id)) return fail(new InputError(`unknown handle ${id}`), 'input');
  const input = P.MapGet(inputData, id) as { shape: number[]; data: Float64Array } | undefined;
  if (input !== undefined) {
    const copy = new P.Float64Array(input.data.length);
    P.Float64ArraySet(copy, input.data);
    return { ok: true, value: { t: 'nd', shape: input.shape, dtype: 'float64', data: copy } };
  }
  try {
    return { ok: true, value: encodeOutput(P.MapGet(handles, id), `handle ${id}`) };
  } catch (error) {
    return fail(error, 'output');
  }
}

/**
 * Turns host data into a learner value kept here, so that later calls can share it. An array
 * made from host data is frozen (no own property can shadow its methods) and its data recorded
 * for `read`.
 */
function put(value: WireValue): WireResult<WireRef> {
  try {
    const decoded = decodeInput(value, 'value');
    const ref = keep(decoded);
    if (value !== null && typeof value === 'object' && value.t === 'nd') {
      P.ObjectFreeze(decoded);
      P.MapSet(inputData, ref.id, { shape: value.shape, data: value.data });
    }
    return { ok: true, value: ref };
  } catch (error) {
    return fail(error, 'input');
  }
}

function release(id: number): WireResult<null> {
  P.MapDelete(handles, id);
  P.MapDelete(inputData, id);
  return { ok: true, value: null };
}

/** The one function the host holds; `op` selects the operation. */
export function dispatch(op: string, a?: unknown, b?: unknown, c?: unknown): unknown {
  switch (op) {
    case 'configure': {
      const scenarioBundle = c as { code?: string; functions?: string[] } | undefined;
      return configure(a as WireOutputLimits, b as string[], scenarioBundle?.code, scenarioBundle?.functions);
    }
    case 'case':
      return scenarioCase(a as WireValue);
    case 'selfcheck':
      return scenarioSelfCheck(a as WireValue);
    case 'load':
      return load(a);
    case 'call':
      return call(a as string, b as WireValue[], c as WireKeep);
    case 'read':
      return read(a as number);
    case 'put':
      return put(a as WireValue);
    case 'release':
      return release(a as number);
    default:
      return fail(new P.Error(`unknown operation ${op}`), 'input');
  }
}
