import type { ExerciseFunctions } from '@gradlab/content';
import type { NDArray } from '@gradlab/kernels';
import { type InputWatch, mutationMessage } from './checks/input-watch.ts';
import type { GuestHandle, SandboxApi, SandboxArg, SandboxFailure } from './sandbox/types.ts';
import { fromGuest, isArray, toPlain } from './values.ts';

/** A sandbox call that failed (the learner's exception, a timeout, the memory limit). */
export class CallFailure extends Error {
  constructor(
    readonly functionName: string,
    readonly failure: SandboxFailure,
  ) {
    super(`${functionName}: ${failure.message}`);
    this.name = 'CallFailure';
  }
}

/** A function that returned something the spec cannot use (not an object, say). */
export class ResultShapeError extends Error {
  override name = 'ResultShapeError';
}

function sameData(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * The learner's exported functions as the spec calls them: arrays go in as copies kept inside
 * the isolate (frozen there, their data kept aside by the harness, so that after the whole case
 * the grader can see whether the learner changed them in place), results come out as copies, and every non-array value of a result object (a
 * layer's `cache`) stays inside the isolate as a handle that can be passed back.
 */
export function learnerFunctions(
  sandbox: SandboxApi,
  names: readonly string[],
  /** watches the inputs for changes in place until the case ends; null skips that check */
  watch: InputWatch | null,
): ExerciseFunctions {
  const fns: ExerciseFunctions = {};
  for (const name of names) {
    fns[name] = async (...args: unknown[]) => {
      const prepared: SandboxArg[] = [];
      for (const [index, arg] of args.entries()) {
        if (isArray(arg) && watch === null) {
          prepared.push(toPlain(arg as NDArray));
        } else if (isArray(arg) && watch) {
          const plain = toPlain(arg as NDArray);
          const put = await sandbox.put(plain);
          if (!put.ok) throw new CallFailure(name, put.failure);
          prepared.push(put.handle);
          watch.watch(() => changedInput(sandbox, name, index, plain.data, put.handle));
        } else prepared.push(arg as SandboxArg);
      }
      const result = await sandbox.call(name, prepared, { keep: 'non-arrays' });
      if (!result.ok) throw new CallFailure(name, result.failure);
      const value = fromGuest(result.value);
      if (value === null || typeof value !== 'object' || Array.isArray(value) || isArray(value)) {
        throw new ResultShapeError(`${name} must return an object such as { out, cache }`);
      }
      return value as Record<string, unknown>;
    };
  }
  return fns;
}

/** Re-reads a watched input through the harness's own copy of its data. */
async function changedInput(
  sandbox: SandboxApi,
  name: string,
  index: number,
  before: Float64Array,
  handle: GuestHandle,
): Promise<string | null> {
  const after = await sandbox.read(handle);
  if (!after.ok) throw new CallFailure(name, after.failure);
  const value = fromGuest(after.value);
  const changed = !isArray(value) || !sameData(before, toPlain(value).data);
  return changed ? mutationMessage(name, index) : null;
}
