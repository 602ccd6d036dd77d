/**
 * The scenario runner: ONE piece of code that runs an exercise's scenario in the learner's realm,
 * in the sandbox's isolate (Submit, bundled into the guest) and in the browser's worker (Run).
 * The scenario calls the learner's exports directly, so it can call a function several times
 * carrying state or build a class the learner wrote. Every array handed to a learner function
 * is watched until the case ends: a change in place is reported, whenever it happened.
 *
 * Engine-agnostic and free of Node and DOM APIs. The built-ins it relies on are captured when
 * this module is evaluated, before any learner code runs.
 */
import type { ExerciseFunctions, GradientSelfCheck, Inputs } from '@gradlab/content';
import { centredDifference, createRandom, kinkBetween, NDArray, relativeError } from '@gradlab/kernels';

const { apply: reflectApply, construct: reflectConstruct, defineProperty, setPrototypeOf } = Reflect;
const FunctionToString = Function.prototype.toString;
const readValues = Function.prototype.call.bind(NDArray.prototype.toTypedArray) as (
  self: NDArray,
) => ArrayLike<number>;
const PromiseClass = Promise;
const isNDArray = (value: unknown): value is NDArray => value instanceof NDArray;

/** The part of a spec a realm needs: the scenario and the gradient self-check. */
export interface Scenario {
  run(fns: ExerciseFunctions, inputs: Inputs): Record<string, unknown>;
  gradcheck?: GradientSelfCheck;
}

/** An exception thrown by a learner export, with the export's name. */
export class LearnerError extends Error {
  constructor(
    readonly exportName: string,
    readonly thrown: unknown,
  ) {
    super(`${exportName} threw`);
    this.name = 'LearnerError';
  }
}

const ordinals = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/**
 * "affineForward changed its second argument in place; work on a copy", or with the path of an
 * array inside an argument: "sgdMomentum changed config.velocity (its third argument) in place".
 */
export function mutationMessage(functionName: string, argumentIndex: number, path = ''): string {
  const ordinal = ordinals[argumentIndex] ?? `#${argumentIndex + 1}`;
  return path
    ? `${functionName} changed ${path} (its ${ordinal} argument) in place; work on a copy`
    : `${functionName} changed its ${ordinal} argument in place; work on a copy`;
}

const { getPrototypeOf, ownKeys } = Reflect;
const { getOwnPropertyDescriptor } = Object;
const ObjectPrototype = Object.prototype;
const isArrayList = Array.isArray;

function snapshot(array: NDArray): Float64Array {
  return Float64Array.from(readValues(array));
}

function sameValues(before: Float64Array, array: NDArray): boolean {
  const now = readValues(array);
  if (now.length !== before.length) return false;
  for (let i = 0; i < before.length; i++) if (!Object.is(before[i], now[i])) return false;
  return true;
}

/**
 * Remembers every array passed to a learner function (first sighting per function and argument
 * position) with a copy of its values; `changes()` compares them all at the end of the case.
 */
export class ArrayWatch {
  private readonly watched: { array: NDArray; before: Float64Array; message: string }[] = [];
  private readonly seen = new Set<NDArray>();

  observe(functionName: string, args: readonly unknown[]): void {
    for (let i = 0; i < args.length; i++) this.visit(functionName, i, args[i], '', 0);
  }

  /** Watches an array, or the arrays inside a list or plain object (an optimizer's config). */
  private visit(functionName: string, index: number, value: unknown, path: string, depth: number): void {
    if (isNDArray(value)) {
      if (this.seen.has(value)) return;
      this.seen.add(value);
      this.watched.push({
        array: value,
        before: snapshot(value),
        message: mutationMessage(functionName, index, path),
      });
      return;
    }
    if (value === null || typeof value !== 'object' || depth >= 4) return;
    if (isArrayList(value)) {
      for (let i = 0; i < value.length && i < 64; i++)
        this.visit(functionName, index, value[i], `${path}[${i}]`, depth + 1);
      return;
    }
    const proto = getPrototypeOf(value);
    if (proto !== ObjectPrototype && proto !== null) return; // a learner's class instance: theirs
    const keys = ownKeys(value);
    for (let k = 0; k < keys.length && k < 64; k++) {
      const key = keys[k];
      if (typeof key !== 'string') continue;
      const descriptor = getOwnPropertyDescriptor(value, key);
      if (!descriptor || !('value' in descriptor)) continue; // never run a getter
      this.visit(functionName, index, descriptor.value, path ? `${path}.${key}` : key, depth + 1);
    }
  }

  changes(): string[] {
    const problems: string[] = [];
    for (const { array, before, message } of this.watched)
      if (!sameValues(before, array) && !problems.includes(message)) problems.push(message);
    return problems;
  }
}

function isClass(fn: (...args: unknown[]) => unknown): boolean {
  try {
    return /^class[\s{]/.test(reflectApply(FunctionToString, fn, []) as string);
  } catch {
    return false;
  }
}

/**
 * The learner's exports as a scenario calls them: each function reports the arrays it receives
 * to `watch`, names itself in any exception (LearnerError), and may not return a Promise. A
 * class stays a class (`new` works, `this` is the instance) and is watched the same way.
 */
export function learnerExports(
  exports: Record<string, unknown>,
  names: readonly string[],
  watch: ArrayWatch | null,
): ExerciseFunctions {
  const fns: Record<string, unknown> = {};
  for (const name of names) {
    const target = exports[name];
    if (typeof target !== 'function') continue;
    const fn = target as (...args: unknown[]) => unknown;
    const asClass = isClass(fn);
    const wrapped = function (this: unknown, ...args: unknown[]): unknown {
      watch?.observe(name, args);
      let result: unknown;
      try {
        result = new.target ? reflectConstruct(fn, args) : reflectApply(fn, this, args);
      } catch (thrown) {
        throw new LearnerError(name, thrown);
      }
      if (result instanceof PromiseClass)
        throw new LearnerError(
          name,
          new Error(
            `${name} returned a Promise: async functions are not supported, make ${name} synchronous`,
          ),
        );
      return result;
    };
    if (asClass) {
      defineProperty(wrapped, 'prototype', { value: fn.prototype });
      setPrototypeOf(wrapped, fn);
    }
    defineProperty(wrapped, 'name', { value: name });
    fns[name] = wrapped;
  }
  return fns as ExerciseFunctions;
}

export interface CaseRun {
  outputs: Record<string, unknown>;
  /** inputs changed in place, one message each */
  mutations: string[];
}

/** Runs one case of the scenario with the learner's exports; a learner exception propagates. */
export function runCase(
  scenario: Scenario,
  exports: Record<string, unknown>,
  names: readonly string[],
  inputs: Inputs,
): CaseRun {
  const watch = new ArrayWatch();
  const outputs = scenario.run(learnerExports(exports, names, watch), inputs);
  if (outputs === null || typeof outputs !== 'object')
    throw new Error('the scenario did not return an object of outputs');
  return { outputs, mutations: watch.changes() };
}

export interface SelfCheckOutcome {
  passed: boolean;
  message: string;
  metrics: Record<string, number>;
}

const STEP = 1e-5;
const SAMPLES_PER_INPUT = 8;

function withElement(x: NDArray, index: number, delta: number): NDArray {
  const data = Float64Array.from(readValues(x));
  data[index] = (data[index] as number) + delta;
  return new NDArray(data, [...x.shape]);
}

function indexText(flat: number, shape: readonly number[]): string {
  const at: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    at.unshift(flat % (shape[d] as number));
    flat = Math.floor(flat / (shape[d] as number));
  }
  return `[${at.join(', ')}]`;
}

/**
 * Checks the learner's backward pass against their own forward pass: with a random upstream
 * gradient `dout`, each sampled input element's centred difference of sum(forward * dout)
 * (float64, h = 1e-5) must match the gradient their backward returns. Near a kink (ReLU at 0,
 * max-pool ties) the two one-sided differences disagree: such an element says nothing about
 * the backward pass and is skipped. A diagnostic: it says whether forward and backward agree,
 * not whether either is right.
 */
export function selfCheck(
  check: GradientSelfCheck,
  exports: Record<string, unknown>,
  names: readonly string[],
  inputs: Inputs,
): SelfCheckOutcome {
  const fns = learnerExports(exports, names, null);
  const rtol = check.rtol ?? 1e-6;
  const fail = (message: string, metrics: Record<string, number> = {}) => ({
    passed: false,
    message,
    metrics,
  });
  const first = check.forward(fns, inputs);
  if (!isNDArray(first.out)) return fail('your forward pass did not return an array as its output');
  const outShape = first.out.shape.join(',');
  const dout = createRandom(check.seed + 1).randn([...first.out.shape]);
  const grads = check.backward(fns, dout, first.state);

  const objective = (perturbed: Inputs): number => {
    const { out } = check.forward(fns, perturbed);
    if (!isNDArray(out) || out.shape.join(',') !== outShape)
      throw new Error(
        `your forward pass returned ${isNDArray(out) ? `shape (${out.shape.join(', ')})` : 'no array'} on one call and shape (${first.out instanceof NDArray ? first.out.shape.join(', ') : ''}) on another for inputs of the same shapes`,
      );
    return out.multiply(dout).sum().item() as number;
  };

  const metrics: Record<string, number> = {};
  const random = createRandom(check.seed + 2);
  let worst = { error: 0, text: '' };
  let compared = 0;
  for (const [name, gradKey] of Object.entries(check.wrt)) {
    const x = inputs[name];
    if (!isNDArray(x)) return fail(`the spec's gradient check has no array input "${name}"`);
    const grad = grads[gradKey];
    if (!isNDArray(grad)) return fail(`your backward pass returned no array "${gradKey}"`);
    if (grad.shape.join() !== x.shape.join())
      return fail(
        `${gradKey} has shape (${grad.shape.join(', ')}) but ${name} has shape (${x.shape.join(', ')})`,
      );
    const analytic = readValues(grad);
    const indices =
      x.size <= SAMPLES_PER_INPUT
        ? Array.from({ length: x.size }, (_, i) => i)
        : (random.choice(x.size, { size: SAMPLES_PER_INPUT, replace: false }).toArray() as number[]);
    const base = objective(inputs);
    let inputWorst = 0;
    for (const i of indices) {
      const plus = objective({ ...inputs, [name]: withElement(x, i, STEP) });
      const minus = objective({ ...inputs, [name]: withElement(x, i, -STEP) });
      // a kink between x - h and x + h: the one-sided slopes disagree far beyond rounding
      if (kinkBetween(plus, base, minus, STEP)) continue;
      const numeric = centredDifference(plus, minus, STEP);
      const a = analytic[i] as number;
      const error = Number.isNaN(a) ? Number.POSITIVE_INFINITY : relativeError(numeric, a);
      compared += 1;
      inputWorst = Math.max(inputWorst, error);
      // the first of tied errors is named (as in compare.ts), the same in every JS engine
      if (error > worst.error * (1 + 1e-6)) {
        worst = {
          error,
          text: `${gradKey} at index ${indexText(i, x.shape)}: numeric ${numeric.toPrecision(4)}, your backward ${a.toPrecision(4)}`,
        };
      }
    }
    metrics[`${gradKey}.maxRelativeError`] = inputWorst;
  }
  const keys = Object.values(check.wrt).join(', ');
  if (compared === 0)
    return fail('every sampled element sat on a kink of your forward pass: nothing was compared');
  if (worst.error <= rtol)
    return {
      passed: true,
      // the threshold, not the error itself: that is rounding noise and differs between JS engines
      message: `backward agrees with forward (${keys}): within a relative error of ${rtol.toExponential(0)}`,
      metrics,
    };
  return fail(
    `your backward disagrees with your forward: max relative error ${worst.error.toExponential(1)} > ${rtol.toExponential(0)}, ${worst.text}`,
    metrics,
  );
}

/** What a learner's `console.log` printed during a case: capped in lines and characters. */
export class ConsoleCapture {
  private lines: string[] = [];
  private chars = 0;
  private dropped = 0;

  constructor(
    private readonly maxLines = 50,
    private readonly maxChars = 4000,
  ) {}

  /** The `console` object learner code sees. */
  console(): Record<string, (...args: unknown[]) => void> {
    const write = (...args: unknown[]) => this.write(args);
    return { log: write, info: write, warn: write, error: write, debug: write };
  }

  private write(args: unknown[]): void {
    let line = '';
    for (let i = 0; i < args.length; i++) {
      let text: string;
      try {
        const arg = args[i];
        text = typeof arg === 'string' ? arg : isNDArray(arg) ? arg.toString() : String(arg);
      } catch {
        text = '[value that cannot be printed]';
      }
      line += (i > 0 ? ' ' : '') + text;
    }
    if (this.lines.length >= this.maxLines || this.chars + line.length > this.maxChars) {
      this.dropped += 1;
      return;
    }
    this.lines.push(line);
    this.chars += line.length;
  }

  /** The lines printed since the last take (with a note of what was cut), and starts afresh. */
  take(): string[] {
    const out = this.dropped > 0 ? [...this.lines, `... ${this.dropped} more lines not shown`] : this.lines;
    this.lines = [];
    this.chars = 0;
    this.dropped = 0;
    return out;
  }
}
