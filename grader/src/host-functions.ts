import type { ExerciseFunctions } from '@gradlab/content';
import type { HostFunction } from './exercise/load-exercise.ts';
import { isArray } from './values.ts';

/**
 * Reference (or known-mistake) functions as the spec calls them. Array arguments are copied,
 * so a reference can never change the inputs the learner's run receives.
 */
export function hostFunctions(functions: Record<string, HostFunction>): ExerciseFunctions {
  const fns: ExerciseFunctions = {};
  for (const [name, fn] of Object.entries(functions)) {
    fns[name] = async (...args: unknown[]) =>
      fn(...args.map((a) => (isArray(a) ? a.copy() : a))) as Record<string, unknown>;
  }
  return fns;
}
