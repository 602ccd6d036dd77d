/**
 * A realm in this JavaScript context: the browser worker's Run, and the server's own runs of
 * the reference solution and the known mistakes. The same scenario runner as in the sandbox.
 */
import type { Inputs } from '@gradlab/content';
import { NDArray } from '@gradlab/kernels';
import type { CaseOutcome, Realm, SelfCheckOutcome } from '../run-tests.ts';
import { type ConsoleCapture, LearnerError, runCase, type Scenario, selfCheck } from './realm.ts';

/** A deep copy of a case's inputs: arrays copied, plain data rebuilt. */
export function copyInputs<T>(value: T): T {
  if (value instanceof NDArray) return value.copy() as T;
  if (Array.isArray(value)) return value.map((v) => copyInputs(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copyInputs(v);
    return out as T;
  }
  return value;
}

/** An exception from the scenario as a test message: "affineForward: TypeError: ...". */
export function thrownMessage(error: unknown): string {
  const where = error instanceof LearnerError ? `${error.exportName}: ` : '';
  const thrown = error instanceof LearnerError ? error.thrown : error;
  if (thrown instanceof Error) return `${where}${thrown.name}: ${thrown.message}`;
  let text: string;
  try {
    text = typeof thrown === 'string' ? `"${thrown}"` : String(thrown);
  } catch {
    text = typeof thrown;
  }
  return `${where}Error: ${text} was thrown (not an Error object)`;
}

export function inProcessRealm(
  scenario: Scenario,
  exports: Record<string, unknown>,
  functions: readonly string[],
  capture?: ConsoleCapture,
): Realm {
  return {
    missing: functions.filter((name) => typeof exports[name] !== 'function'),
    async runCase(inputs: Inputs): Promise<CaseOutcome> {
      capture?.take();
      try {
        const ran = runCase(scenario, exports, functions, copyInputs(inputs));
        return { ok: true, outputs: ran.outputs, mutations: ran.mutations, logs: capture?.take() ?? [] };
      } catch (error) {
        const logs = capture?.take() ?? [];
        return { ok: false, message: thrownMessage(error), ...(logs.length ? { logs } : {}) };
      }
    },
    async selfCheck(inputs: Inputs): Promise<SelfCheckOutcome> {
      const check = scenario.gradcheck;
      if (!check) return { ok: false, message: 'this exercise has no gradient check' };
      try {
        return { ok: true, ...selfCheck(check, exports, functions, copyInputs(inputs)) };
      } catch (error) {
        return { ok: false, message: thrownMessage(error) };
      } finally {
        capture?.take();
      }
    },
  };
}
