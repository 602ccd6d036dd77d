/**
 * The wire format between the host and the guest harness. Only plain data crosses: it is copied
 * with isolated-vm's structured clone (`copy: true`), never shared. The host builds `WireIn`; the
 * guest builds `WireOut`, which the host validates field by field before trusting any of it.
 * This module holds types only, so the guest bundle can import it for free.
 */

export type ArrayDType = 'float64' | 'float32' | 'int32' | 'bool';
export const ARRAY_DTYPES: readonly ArrayDType[] = ['float64', 'float32', 'int32', 'bool'];

/** An n-d array as plain data: row-major values (as float64) with their shape and element type. */
export interface WireArray {
  t: 'nd';
  shape: number[];
  dtype: ArrayDType;
  data: Float64Array;
}

/** A value kept inside the isolate, named by its id in the guest's handle table. */
export interface WireRef {
  t: 'ref';
  id: number;
  /** What the kept value is, for messages only (`array`, `object`, `Cache`, `function`...). */
  kind: string;
}

export interface WireList {
  t: 'list';
  items: WireValue[];
}

export interface WireRecord {
  t: 'rec';
  entries: [string, WireValue][];
}

export type WireValue =
  | null
  | undefined
  | boolean
  | number
  | string
  | WireArray
  | WireRef
  | WireList
  | WireRecord;

/** Why a guest operation failed, as the harness saw it. */
export type WireErrorKind =
  /** the learner's code threw */
  | 'thrown'
  /** the value could not be turned into output (function, BigInt, too big, too deep...) */
  | 'output'
  /** an input could not be turned into learner values */
  | 'input'
  /** the named export is missing or not a function */
  | 'not_found'
  /** the learner returned a Promise */
  | 'async';

export interface WireError {
  kind: WireErrorKind;
  name: string;
  message: string;
  stack: string;
  /** in a scenario: the learner export that threw */
  where?: string;
  /** in a scenario: what the learner's console printed before the failure */
  logs?: string[];
}

/** What one case of a scenario sends back: its outputs, inputs changed in place, console lines. */
export interface WireCaseResult {
  outputs: WireValue;
  mutations: string[];
  logs: string[];
}

/** The gradient self-check's outcome, computed in the learner's realm. */
export interface WireSelfCheck {
  passed: boolean;
  message: string;
  metrics: Record<string, number>;
}

export type WireResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

/** What `load` reports: the module's export names and what each one is. */
export interface WireExports {
  names: string[];
  kinds: string[];
}

/**
 * Which parts of a call's result stay inside the isolate as handles: top-level property names or
 * indices, or `'non-arrays'`: every top-level property (or item) that is an object or a function
 * but not an np array (numbers, strings, booleans and arrays are copied out).
 */
export type WireKeep = readonly (string | number)[] | 'non-arrays';

/** Limits the guest serializer enforces (the host checks them again). */
export interface WireOutputLimits {
  maxBytes: number;
  maxDepth: number;
  maxMessageChars: number;
}

/** The harness entry the host calls; removed from the global before learner code runs. */
export const DISPATCH_GLOBAL = '__gradlab_dispatch__';
