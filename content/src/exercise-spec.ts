import type { NDArray } from '@gradlab/kernels';
import { z } from 'zod';

/**
 * The typed spec of an exercise (`content/exercises/<id>/spec.ts`, default export). It runs on
 * the server only: with the reference solution to compute expected values, and with the
 * learner's sandboxed functions to compute theirs, on the same seeded inputs.
 */

/** A learner-facing function as the grader calls it: arguments in, a promise of its result. */
export type ExerciseFunction = (...args: unknown[]) => Promise<Record<string, unknown>>;
/** The functions a spec calls, by name (F: the names, e.g. 'affineForward' | 'affineBackward'). */
export type ExerciseFunctions<F extends string = string> = { [K in F]: ExerciseFunction };

/** Seeded input generators handed to each case (one stream per case seed). */
export interface InputGenerator {
  /** normal samples, mean 0 and standard deviation `scale` (default 1), plus `shift` */
  randn(shape: number[], options?: { scale?: number; shift?: number }): NDArray;
  /** uniform samples in [low, high) */
  uniform(shape: number[], options?: { low?: number; high?: number }): NDArray;
  /** integers in [low, high) */
  randint(shape: number[], low: number, high: number): NDArray;
}

export type Inputs = Record<string, NDArray>;

export interface ExerciseCase {
  name: string;
  visibility: 'public' | 'hidden';
  points: number;
  seed: number;
  inputs: (g: InputGenerator) => Inputs;
}

export interface OutputCheck {
  /** how the output is named in feedback, e.g. "affineBackward: dx" */
  label: string;
  /** max relative error |a-b| / max(1e-8, |a|+|b|); default 1e-7 */
  rtol?: number;
}

export interface GradientSelfCheck<F extends string = string> {
  name: string;
  seed: number;
  inputs: (g: InputGenerator) => Inputs;
  /** input name -> the key of the backward result holding its gradient */
  wrt: Record<string, string>;
  /** runs the learner's forward pass; `state` is passed to backward unchanged */
  forward(fns: ExerciseFunctions<F>, inputs: Inputs): Promise<{ out: unknown; state: unknown }>;
  backward(fns: ExerciseFunctions<F>, dout: NDArray, state: unknown): Promise<Record<string, unknown>>;
  /** relative error above which forward and backward are reported to disagree; default 1e-6 */
  rtol?: number;
}

export interface ExerciseSpec<F extends string = string> {
  /** the functions the learner's module must export */
  functions: F[];
  /** `np` functions the learner may not call */
  forbidden?: string[];
  /** one scenario, run for every case: calls the functions and returns the outputs to check */
  run(fns: ExerciseFunctions<F>, inputs: Inputs): Promise<Record<string, unknown>>;
  outputs: Record<string, OutputCheck>;
  cases: ExerciseCase[];
  gradcheck?: GradientSelfCheck<F>;
}

const identifier = z.string().regex(/^[A-Za-z_$][\w$]*$/, 'must be a JavaScript identifier');
const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'must be a function');

export const exerciseSpecSchema = z
  .object({
    functions: z.array(identifier).min(1),
    forbidden: z.array(identifier).optional(),
    run: fn,
    outputs: z.record(
      identifier,
      z.object({ label: z.string().min(1), rtol: z.number().positive().max(1).optional() }).strict(),
    ),
    cases: z
      .array(
        z
          .object({
            name: z.string().min(1),
            visibility: z.enum(['public', 'hidden']),
            points: z.number().nonnegative(),
            seed: z.number().int().nonnegative(),
            inputs: fn,
          })
          .strict(),
      )
      .min(1),
    gradcheck: z
      .object({
        name: z.string().min(1),
        seed: z.number().int().nonnegative(),
        inputs: fn,
        wrt: z.record(identifier, identifier),
        forward: fn,
        backward: fn,
        rtol: z.number().positive().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const names = new Set<string>();
    spec.cases.forEach((c, i) => {
      if (names.has(c.name))
        ctx.addIssue({
          code: 'custom',
          path: ['cases', i, 'name'],
          message: `duplicate case name "${c.name}"`,
        });
      names.add(c.name);
    });
    if (!spec.cases.some((c) => c.visibility === 'public')) {
      ctx.addIssue({ code: 'custom', path: ['cases'], message: 'at least one case must be public' });
    }
    if (Object.keys(spec.outputs).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['outputs'], message: 'at least one output must be checked' });
    }
  });
