/**
 * Learner values -> wire values (guest side), with the output limits enforced here, where the
 * data is: total size (8 bytes per number, 2 per string character, and per object or list and per
 * key what it costs the host to hold it, so a tree of many small objects cannot make the host
 * allocate far more than the limit says), nesting depth, no cycles.
 * Anything that is not plain data (functions, symbols, BigInts, Maps, class instances...) is an
 * error that says what was found and where, unless the caller asked to keep it inside the isolate.
 */
import type { ArrayDType, WireKeep, WireOutputLimits, WireValue } from '../wire.ts';
import { isEngineArray, toHost } from './np-binding.ts';
import { dataProperty, P } from './primordials.ts';

/** what one object or list costs the host once decoded (a JS object's header and slots) */
const OBJECT_BYTES = 64;
/** what one property costs beyond its key's characters */
const KEY_BYTES = 16;

function isKnownDType(dtype: string): boolean {
  return dtype === 'float64' || dtype === 'float32' || dtype === 'int32' || dtype === 'bool';
}

/** A value the harness refuses to copy out; the message is shown to the learner. */
export class OutputError extends Error {}

/** Turns a value into the id of an entry of the handle table (see harness.ts). */
export type KeepValue = (value: unknown) => { t: 'ref'; id: number; kind: string };

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  const type = typeof value;
  if (type === 'function') return 'function';
  if (type !== 'object') return type;
  if (P.ArrayIsArray(value)) return 'array';
  try {
    const proto = P.ReflectGetPrototypeOf(value as object);
    if (proto === null || proto === P.ObjectPrototype) return 'object';
    const descriptor = P.ObjectGetOwnPropertyDescriptor(proto, 'constructor');
    const ctor: unknown = descriptor && 'value' in descriptor ? descriptor.value : undefined;
    const nameDescriptor =
      typeof ctor === 'function' ? P.ObjectGetOwnPropertyDescriptor(ctor, 'name') : undefined;
    const name: unknown = nameDescriptor && 'value' in nameDescriptor ? nameDescriptor.value : undefined;
    return typeof name === 'string' && name !== '' ? P.StringSlice(name, 0, 80) : 'object';
  } catch {
    return 'object';
  }
}

export class Serializer {
  private bytes = 0;
  private readonly onPath = new P.Set<unknown>();

  constructor(
    private readonly limits: WireOutputLimits,
    private readonly keep: KeepValue,
  ) {}

  private charge(bytes: number, path: string): void {
    this.bytes += bytes;
    if (this.bytes > this.limits.maxBytes)
      throw new OutputError(
        `output too large at ${path}: more than ${this.limits.maxBytes} bytes (numbers count 8 bytes, string characters 2, objects ${OBJECT_BYTES})`,
      );
  }

  /** `keepKeys` name top-level properties (or indices) kept inside the isolate as handles. */
  encode(value: unknown, path: string, depth: number, keepKeys?: WireKeep): WireValue {
    if (value === null || value === undefined || typeof value === 'boolean') {
      this.charge(8, path);
      return value;
    }
    if (typeof value === 'number') {
      this.charge(8, path);
      return value;
    }
    if (typeof value === 'string') {
      this.charge(2 * value.length, path);
      return value;
    }
    if (typeof value === 'bigint') throw new OutputError(`${path} is a BigInt; return a number instead`);
    if (typeof value === 'symbol') throw new OutputError(`${path} is a Symbol, which cannot be returned`);
    if (typeof value === 'function')
      throw new OutputError(`${path} is a function; return data (np arrays, numbers...)`);
    if (depth >= this.limits.maxDepth)
      throw new OutputError(`output nested more than ${this.limits.maxDepth} levels deep at ${path}`);
    if (P.SetHas(this.onPath, value))
      throw new OutputError(`${path} refers back to itself (a cycle cannot be returned)`);
    if (value instanceof P.Promise)
      throw new OutputError(
        `${path} is a Promise: async functions and promises are not supported, return the value`,
      );
    P.SetAdd(this.onPath, value);
    try {
      return this.encodeObject(value as object, path, depth, keepKeys);
    } finally {
      P.SetDelete(this.onPath, value);
    }
  }

  private encodeObject(
    value: object,
    path: string,
    depth: number,
    keepKeys: WireKeep | undefined,
  ): WireValue {
    if (isEngineArray(value)) return this.encodeArray(value, path);
    if (P.ArrayBufferIsView(value))
      throw new OutputError(`${path} is a ${describeValue(value)}; wrap it in an np array (np.array(...))`);
    const shouldKeep = (key: string | number, item: unknown) => {
      if (keepKeys === undefined) return false;
      if (keepKeys === 'non-arrays')
        return (
          (typeof item === 'function' || (typeof item === 'object' && item !== null)) && !isEngineArray(item)
        );
      for (let i = 0; i < keepKeys.length; i++) if (P.String(keepKeys[i]) === P.String(key)) return true;
      return false;
    };
    this.charge(OBJECT_BYTES, path);
    if (P.ArrayIsArray(value)) {
      const length = value.length;
      if (typeof length !== 'number' || !P.NumberIsSafeInteger(length) || length < 0)
        throw new OutputError(`${path} has an invalid length`);
      this.charge(8 * length, path);
      const items: WireValue[] = [];
      for (let i = 0; i < length; i++) {
        const itemPath = `${path}[${i}]`;
        const item: unknown = value[i];
        P.ReflectDefineProperty(
          items,
          i,
          dataProperty(shouldKeep(i, item) ? this.keep(item) : this.encode(item, itemPath, depth + 1)),
        );
      }
      return { t: 'list', items };
    }
    const proto = P.ReflectGetPrototypeOf(value);
    if (proto !== null && proto !== P.ObjectPrototype)
      throw new OutputError(
        `${path} is ${describeValue(value)}, not plain data; return np arrays, numbers, strings, booleans, arrays or plain objects`,
      );
    const keys = P.ObjectKeys(value);
    const entries: [string, WireValue][] = [];
    for (let i = 0; i < keys.length; i++) {
      const key = P.String(keys[i]);
      this.charge(KEY_BYTES + 2 * key.length, path);
      const descriptor = P.ObjectGetOwnPropertyDescriptor(value, key);
      if (descriptor && (P.ObjectHasOwn(descriptor, 'get') || P.ObjectHasOwn(descriptor, 'set')))
        throw new OutputError(
          `${path}.${key} is a getter or setter; return plain data (compute the value first)`,
        );
      const item: unknown = descriptor && P.ObjectHasOwn(descriptor, 'value') ? descriptor.value : undefined;
      const encoded = shouldKeep(key, item)
        ? this.keep(item)
        : this.encode(item, `${path}.${key}`, depth + 1);
      P.ReflectDefineProperty(entries, i, dataProperty([key, encoded]));
    }
    return { t: 'rec', entries };
  }

  private encodeArray(value: Parameters<typeof toHost>[0], path: string): WireValue {
    const { shape, dtype, data } = toHost(value);
    if (typeof dtype !== 'string' || !isKnownDType(dtype))
      throw new OutputError(`${path} has an unknown dtype`);
    const dims: number[] = [];
    let size = 1;
    const rank = shape.length;
    if (!P.NumberIsSafeInteger(rank) || rank > 32) throw new OutputError(`${path} has an invalid shape`);
    for (let i = 0; i < rank; i++) {
      const dim = shape[i];
      if (typeof dim !== 'number' || !P.NumberIsSafeInteger(dim) || dim < 0)
        throw new OutputError(`${path} has an invalid shape`);
      P.ReflectDefineProperty(dims, i, dataProperty(dim));
      size *= dim;
    }
    this.charge(8 * size + 8 * rank, path);
    if (data.length !== size)
      throw new OutputError(`${path} has ${data.length} values for ${size} elements of its shape`);
    const copy = new P.Float64Array(size);
    P.Float64ArraySet(copy, data);
    return { t: 'nd', shape: dims, dtype: dtype as ArrayDType, data: copy };
  }
}
