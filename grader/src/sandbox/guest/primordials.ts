/**
 * Built-ins the harness uses, captured when the guest bundle is evaluated, before any learner code
 * runs (after Node's `primordials`). Learner code may replace `Array.prototype.push`, `Map`,
 * `Object.keys`, `JSON`... in its own isolate; the harness keeps working on the originals, so such
 * tampering can only break the learner's own results, which the host validates anyway.
 */

type AnyFunction = (...args: never[]) => unknown;

const { apply: ReflectApply, ownKeys: ReflectOwnKeys, getPrototypeOf: ReflectGetPrototypeOf } = Reflect;
const bindCall = Function.prototype.call.bind(Function.prototype.bind) as <F extends AnyFunction>(
  fn: F,
  thisArg: unknown,
) => F;

/** `uncurryThis(Map.prototype.get)(map, key)` calls the original method whatever happens to the prototype. */
function uncurryThis<T, A extends unknown[], R>(fn: (this: T, ...args: A) => R): (self: T, ...args: A) => R {
  const call = bindCall(Function.prototype.call as AnyFunction, fn) as unknown as (self: T, ...args: A) => R;
  return call;
}

export const P = {
  ReflectApply,
  ReflectOwnKeys,
  ReflectGetPrototypeOf,
  ReflectDefineProperty: Reflect.defineProperty,
  ReflectDeleteProperty: Reflect.deleteProperty,
  ReflectGet: Reflect.get,
  ObjectFreeze: Object.freeze,
  ObjectKeys: Object.keys,
  ObjectGetOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
  ObjectGetOwnPropertyNames: Object.getOwnPropertyNames,
  ObjectPrototype: Object.prototype,
  ObjectHasOwn: Object.hasOwn,
  ArrayIsArray: Array.isArray,
  ArrayBufferIsView: ArrayBuffer.isView,
  NumberIsInteger: Number.isInteger,
  NumberIsSafeInteger: Number.isSafeInteger,
  MathMin: Math.min,
  String,
  Error,
  Float64Array,
  Promise,
  Map,
  Set,
  MapGet: uncurryThis(Map.prototype.get as (this: Map<unknown, unknown>, key: unknown) => unknown),
  MapSet: uncurryThis(
    Map.prototype.set as (this: Map<unknown, unknown>, key: unknown, v: unknown) => unknown,
  ),
  MapHas: uncurryThis(Map.prototype.has as (this: Map<unknown, unknown>, key: unknown) => boolean),
  MapDelete: uncurryThis(Map.prototype.delete as (this: Map<unknown, unknown>, key: unknown) => boolean),
  SetAdd: uncurryThis(Set.prototype.add as (this: Set<unknown>, v: unknown) => unknown),
  SetHas: uncurryThis(Set.prototype.has as (this: Set<unknown>, v: unknown) => boolean),
  SetDelete: uncurryThis(Set.prototype.delete as (this: Set<unknown>, v: unknown) => boolean),
  StringSlice: uncurryThis(String.prototype.slice as (this: string, start?: number, end?: number) => string),
  Float64ArraySet: uncurryThis(
    Float64Array.prototype.set as (this: Float64Array, source: ArrayLike<number>, offset?: number) => void,
  ),
  FunctionToString: uncurryThis(Function.prototype.toString as (this: AnyFunction) => string),
} as const;

/**
 * A data-property descriptor with a null prototype: `Object.prototype.get = ...` in learner code
 * cannot turn it into an accessor descriptor.
 */
export function dataProperty(value: unknown): PropertyDescriptor {
  return {
    __proto__: null,
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  } as PropertyDescriptor;
}
