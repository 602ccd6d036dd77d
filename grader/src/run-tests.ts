import type { ExerciseFunctions, ExerciseSpec, Inputs } from '@gradlab/content';
import { compareOutput } from './checks/compare.ts';
import { selfGradientCheck } from './checks/self-gradcheck.ts';
import { CallFailure, ResultShapeError } from './learner-functions.ts';
import type { GradeStatus, TestResult } from './result.ts';
import type { SandboxFailure } from './sandbox/types.ts';
import { isArray } from './values.ts';

/**
 * Runs an exercise's tests against an implementation. Browser-safe (no Node APIs): the server
 * uses it with the sandbox and the reference solution, the browser's Run with a Web Worker
 * and expected values computed on the server.
 */

export const DEFAULT_RTOL = 1e-7;

/** The public parts of a spec that running tests needs. */
export type ScenarioSpec = Pick<ExerciseSpec, 'functions' | 'run' | 'outputs' | 'gradcheck'>;

export interface PlannedCase {
  name: string;
  visibility: 'public' | 'hidden';
  points: number;
  inputs: Inputs;
}

export interface TestPlan {
  spec: ScenarioSpec;
  cases: PlannedCase[];
  /** the reference outputs of case i (same inputs) */
  expected(index: number): Promise<Record<string, unknown>>;
  /** the hints of the known mistakes whose outputs `actual` reproduces on case i */
  hints(index: number, actual: Record<string, unknown>): Promise<string[]>;
  /** inputs of the gradient self-check, when the spec has one */
  gradcheckInputs?: Inputs;
}

/** Where the functions under test run: a sandbox, a browser worker, or the host. */
export interface Implementation {
  /** the functions to call; with `mutations`, inputs changed in place are reported there */
  functions(mutations: string[] | null): ExerciseFunctions;
  /** spec functions the implementation does not export */
  missing: string[];
  /** true when failures are ordinary exceptions (host or browser), not sandbox failures */
  trusted: boolean;
}

export interface TestRun {
  tests: TestResult[];
  fatal?: SandboxFailure;
}

export function describeFailure(
  error: unknown,
  trusted: boolean,
): { message: string; fatal?: SandboxFailure } {
  if (error instanceof CallFailure) {
    const stack = error.failure.stack ? `\n${error.failure.stack}` : '';
    return { message: `${error.message}${stack}`, fatal: error.failure.fatal ? error.failure : undefined };
  }
  if (error instanceof ResultShapeError) return { message: error.message };
  if (trusted) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { message };
  }
  throw error;
}

export function statusOf(run: TestRun): GradeStatus {
  return run.fatal ? run.fatal.status : 'graded';
}

/** Compares every checked output; returns the failures' messages (empty when all pass). */
export function checkOutputs(
  spec: ScenarioSpec,
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
  hidden: boolean,
  metrics: Record<string, number>,
): string[] {
  const problems: string[] = [];
  for (const [key, check] of Object.entries(spec.outputs)) {
    const want = expected[key];
    if (!isArray(want)) throw new Error(`the reference output "${key}" is not an array`);
    const result = compareOutput(want, actual[key], check.rtol ?? DEFAULT_RTOL);
    metrics[`${key}.maxRelativeError`] = result.maxRelativeError;
    if (result.mismatch)
      problems.push(`${check.label}: ${hidden ? result.mismatch.hiddenMessage : result.mismatch.message}`);
  }
  return problems;
}

export async function runTests(plan: TestPlan, implementation: Implementation): Promise<TestRun> {
  const { spec } = plan;
  const { missing, trusted } = implementation;
  const tests: TestResult[] = [];
  let fatal: SandboxFailure | undefined;

  for (const [index, c] of plan.cases.entries()) {
    const test = (passed: boolean, message: string, metrics?: Record<string, number>): TestResult => ({
      name: c.name,
      visibility: c.visibility,
      passed,
      points: passed ? c.points : 0,
      maxPoints: c.points,
      message,
      ...(metrics ? { metrics } : {}),
    });
    if (fatal) {
      tests.push(test(false, `not run: ${fatal.message}`));
      continue;
    }
    if (missing.length > 0) {
      tests.push(
        test(false, `your module does not export ${missing.map((m) => `function ${m}`).join(' and ')}`),
      );
      continue;
    }
    const expected = await plan.expected(index);
    const mutations: string[] = [];
    let actual: Record<string, unknown>;
    try {
      actual = await spec.run(implementation.functions(mutations), c.inputs);
    } catch (error) {
      const { message, fatal: f } = describeFailure(error, trusted);
      fatal = f;
      tests.push(test(false, message));
      continue;
    }
    const metrics: Record<string, number> = {};
    const problems = [
      ...checkOutputs(spec, expected, actual, c.visibility === 'hidden', metrics),
      ...mutations,
    ];
    if (problems.length === 0) {
      tests.push(test(true, 'passed', metrics));
      continue;
    }
    const hints = await plan.hints(index, actual);
    tests.push(test(false, [...problems, ...hints.map((h) => `Hint: ${h}`)].join('\n'), metrics));
  }

  if (spec.gradcheck && plan.gradcheckInputs && !fatal && missing.length === 0) {
    const check = spec.gradcheck;
    let outcome: { passed: boolean; message: string; metrics: Record<string, number> };
    try {
      // many forward calls: no in-place check here (the cases have done it)
      outcome = await selfGradientCheck(check, implementation.functions(null), plan.gradcheckInputs);
    } catch (error) {
      const { message, fatal: f } = describeFailure(error, trusted);
      fatal = f;
      outcome = {
        passed: false,
        message: `could not run your forward and backward: ${message}`,
        metrics: {},
      };
    }
    tests.push({ name: check.name, visibility: 'public', points: 0, maxPoints: 0, ...outcome });
  }
  return fatal ? { tests, fatal } : { tests };
}

export function summarize(
  exercise: string,
  plan: TestPlan,
  started: number,
  status: GradeStatus,
  tests: TestResult[],
  message?: string,
) {
  return {
    exercise,
    status,
    score: tests.reduce((sum, t) => sum + t.points, 0),
    maxScore: plan.cases.reduce((sum, c) => sum + c.points, 0),
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    tests,
    ...(message === undefined ? {} : { message }),
  };
}
