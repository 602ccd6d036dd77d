/**
 * The guest half of the sandbox: loads the learner's module, calls its exports with host data
 * turned into engine arrays, and turns results into wire values. Values the host asks to keep
 * (a layer's `cache`) stay here in a handle table and travel as ids.
 *
 * Every error is caught and described here as data, so the host never has to touch a guest
 * object: what it receives is a structured-clone copy of what this file builds.
 */
import type {
  WireError,
  WireErrorKind,
  WireExports,
  WireKeep,
  WireOutputLimits,
  WireRef,
  WireResult,
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

/** Sets the output limits and locks the global down (once, before the learner's module runs). */
function configure(next: WireOutputLimits, forbidden: string[]): WireResult<null> {
  if (configured) return fail(new P.Error('already configured'), 'input');
  configured = true;
  limits = { maxBytes: next.maxBytes, maxDepth: next.maxDepth, maxMessageChars: next.maxMessageChars };
  lockDown(globalThis, np, NDArrayClass, forbidden);
  return { ok: true, value: null };
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
    case 'configure':
      return configure(a as WireOutputLimits, b as string[]);
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
