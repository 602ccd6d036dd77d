import type { NDArray } from '@gradlab/kernels';
import { z } from 'zod';

/**
 * The typed spec of an exercise (`content/exercises/<id>/spec.ts`, default export). The spec's
 * scenario (`run`, and `gradcheck` when the exercise has a backward pass) is one piece of code
 * run in three places on the same seeded inputs: inside the learner's sandbox (Submit), in the
 * learner's browser worker (Run), and on the server with the reference solution. It calls the
 * learner's exports directly and synchronously, so it can call a function several times
 * carrying state, or build and use a class the learner wrote.
 */

/** A learner export as a scenario calls it: a function of values returning an object of values. */
export type ExerciseFunction = (...args: unknown[]) => Record<string, unknown>;
/** The learner's exports a spec uses, by name (F: the names, e.g. 'affineForward' | 'affineBackward'). */
export type ExerciseFunctions<F extends string = string> = { [K in F]: ExerciseFunction };

/** Seeded input generators handed to each case (one stream per case seed). */
export interface InputGenerator {
  /** normal samples, mean 0 and standard deviation `scale` (default 1), plus `shift` */
  randn(shape: number[], options?: { scale?: number; shift?: number }): NDArray;
  /** uniform samples in [low, high) */
  uniform(shape: number[], options?: { low?: number; high?: number }): NDArray;
  /** integers in [low, high), an int32 array */
  randint(shape: number[], low: number, high: number): NDArray;
}

/**
 * A value a case passes to the scenario: arrays of any dtype, numbers (hyperparameters),
 * strings, booleans, null, and lists or plain objects of them (an optimizer's config, say).
 */
export type InputValue =
  | NDArray
  | number
  | string
  | boolean
  | null
  | readonly InputValue[]
  | { readonly [key: string]: InputValue };

export type Inputs = Record<string, InputValue>;

export interface ExerciseCase {
  name: string;
  visibility: 'public' | 'hidden';
  /** the case's points; the exercise's total is their sum (declared nowhere else) */
  points: number;
  seed: number;
  inputs: (g: InputGenerator) => Inputs;
}

export interface OutputCheck {
  /** how the output is named in feedback, e.g. "affineBackward: dx" */
  label: string;
  /** max relative error |a-b| / max(1e-8, |a|+|b|); default 1e-7. Arrays and numbers alike. */
  rtol?: number;
}

export interface GradientSelfCheck<F extends string = string> {
  name: string;
  seed: number;
  inputs: (g: InputGenerator) => Inputs;
  /** input name -> the key of the backward result holding its gradient */
  wrt: Record<string, string>;
  /** runs the learner's forward pass; `state` is passed to backward unchanged */
  forward(fns: ExerciseFunctions<F>, inputs: Inputs): { out: unknown; state: unknown };
  backward(fns: ExerciseFunctions<F>, dout: NDArray, state: unknown): Record<string, unknown>;
  /** relative error above which forward and backward are reported to disagree; default 1e-6 */
  rtol?: number;
}

export interface ExerciseSpec<F extends string = string> {
  /** the functions the learner's module must export */
  functions: F[];
  /** `np` functions the learner may not call */
  forbidden?: string[];
  /** one scenario, run for every case: calls the learner's exports and returns the outputs to check */
  run(fns: ExerciseFunctions<F>, inputs: Inputs): Record<string, unknown>;
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
