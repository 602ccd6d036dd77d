/**
 * Shapes the global object before learner code runs. The isolate has no Node APIs at all (no
 * require, process, timers, fs, network); what it has is the ECMAScript built-ins. Two changes:
 *
 * - `WebAssembly` is removed: a WebAssembly.Memory lives outside the V8 heap and isolated-vm does
 *   not count it against `memoryLimit` (measured: a 64 MB isolate grew and filled 1 GB). The
 *   prototypes' `constructor` links are cut as well, in case a wasm object is ever reachable.
 * - `np` becomes a read-only, non-configurable global; `np`, its functions, the array class and
 *   the prototypes of its objects are frozen, so a learner cannot swap `np.array` or
 *   `NDArray.prototype.toTypedArray` under the harness (the attempt throws a TypeError: the module
 *   runs in strict mode). Mutable engine state (`np.random`'s generator) stays mutable.
 * - `Atomics`, `SharedArrayBuffer` and the resizing methods of `ArrayBuffer` are removed. The
 *   grading process also starts every isolate without them (V8 flags, see process-health.ts);
 *   this is the second line: `Atomics.waitAsync` aborts the whole process, and isolated-vm's
 *   memory limit does not see a buffer growing in place.
 * - `FinalizationRegistry` is removed: its callbacks run whenever V8 gets round to them, outside
 *   any call of the sandbox's. An isolate serves several sandboxes, one context each (see
 *   ../isolate-pool.ts), and none may run code while the next one is being graded.
 */
import { P } from './primordials.ts';

function freeze(value: unknown): void {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
  if (value === P.ObjectPrototype || value === Function.prototype) return;
  try {
    P.ObjectFreeze(value);
  } catch {
    // typed arrays with elements cannot be frozen; leave them be
  }
}

/** Freezes the prototype chain of `value` (its methods), up to Object.prototype. */
function freezePrototypes(value: object): void {
  for (
    let proto = P.ReflectGetPrototypeOf(value), n = 0;
    proto !== null && n < 8;
    proto = P.ReflectGetPrototypeOf(proto), n++
  ) {
    if (proto === P.ObjectPrototype || proto === Function.prototype) return;
    freeze(proto);
  }
}

/** Freezes a function (a class or an np function), its `prototype` and its own function-valued members. */
function freezeFunction(fn: object): void {
  freeze(fn);
  const proto: unknown = P.ReflectGet(fn, 'prototype');
  if (proto !== null && typeof proto === 'object') {
    freeze(proto);
    freezePrototypes(proto);
  }
  freezePrototypes(fn);
  for (const key of P.ReflectOwnKeys(fn)) {
    const descriptor = P.ObjectGetOwnPropertyDescriptor(fn, key);
    if (descriptor && typeof descriptor.value === 'function' && descriptor.value !== fn)
      freeze(descriptor.value);
  }
}

/**
 * Freezes the `np` namespace and every function on it, and the prototypes (methods) of the objects
 * on it, but not those objects themselves: `np.random` keeps its generator state.
 */
function freezeNamespace(namespace: object): void {
  freeze(namespace);
  for (const key of P.ReflectOwnKeys(namespace)) {
    const descriptor = P.ObjectGetOwnPropertyDescriptor(namespace, key);
    const value: unknown = descriptor?.value;
    if (typeof value === 'function') freezeFunction(value);
    else if (value !== null && typeof value === 'object') freezePrototypes(value);
  }
}

function removeWebAssembly(global: typeof globalThis): void {
  const wasm: unknown = P.ReflectGet(global, 'WebAssembly');
  if (wasm !== null && typeof wasm === 'object') {
    for (const name of ['Module', 'Instance', 'Memory', 'Table', 'Global', 'Tag', 'Exception']) {
      const ctor: unknown = P.ReflectGet(wasm, name);
      if (typeof ctor !== 'function') continue;
      const proto: unknown = P.ReflectGet(ctor, 'prototype');
      if (proto !== null && typeof proto === 'object') P.ReflectDeleteProperty(proto, 'constructor');
    }
  }
  P.ReflectDeleteProperty(global, 'WebAssembly');
}

/** Removes the one built-in that runs learner code later, outside the calls the host makes. */
function removeDeferredCallbacks(global: typeof globalThis): void {
  P.ReflectDeleteProperty(global, 'FinalizationRegistry');
}

function removeSharedMemoryAndResizing(global: typeof globalThis): void {
  P.ReflectDeleteProperty(global, 'Atomics');
  P.ReflectDeleteProperty(global, 'SharedArrayBuffer');
  const proto: unknown = P.ReflectGet(ArrayBuffer, 'prototype');
  if (proto !== null && typeof proto === 'object')
    for (const name of ['resize', 'transfer', 'transferToFixedLength']) P.ReflectDeleteProperty(proto, name);
}

/** Replaces np functions (and array methods of the same name) that an exercise forbids. */
function forbid(np: object, arrayClass: object, names: readonly string[]): void {
  const proto: unknown = P.ReflectGet(arrayClass, 'prototype');
  for (let i = 0; i < names.length; i++) {
    const name = P.String(names[i]);
    const blocked = () => {
      throw new P.Error(`np.${name} is not allowed in this exercise: write it with other np operations`);
    };
    P.ReflectDefineProperty(blocked, 'name', { value: name });
    if (typeof P.ReflectGet(np, name) === 'function')
      P.ReflectDefineProperty(np, name, {
        value: blocked,
        writable: false,
        enumerable: true,
        configurable: false,
      });
    if (proto !== null && typeof proto === 'object' && typeof P.ReflectGet(proto, name) === 'function')
      P.ReflectDefineProperty(proto, name, {
        value: blocked,
        writable: false,
        enumerable: false,
        configurable: false,
      });
  }
}

/** Called once per isolate, before the learner's module runs. */
export function lockDown(
  global: typeof globalThis,
  np: object,
  arrayClass: object,
  forbidden: readonly string[],
): void {
  removeWebAssembly(global);
  removeSharedMemoryAndResizing(global);
  removeDeferredCallbacks(global);
  forbid(np, arrayClass, forbidden);
  freezeNamespace(np);
  freezeFunction(arrayClass);
  P.ReflectDefineProperty(global, 'np', {
    value: np,
    writable: false,
    enumerable: false,
    configurable: false,
  });
}
