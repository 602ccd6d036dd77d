import type { ExerciseFunctions, ExerciseSpec, Inputs } from '@gradlab/content';
import { compareOutput } from './checks/compare.ts';
import { InputWatch } from './checks/input-watch.ts';
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
  /** the functions to call; with `watch`, inputs are watched for changes in place */
  functions(watch: InputWatch | null): ExerciseFunctions;
  /** spec functions the implementation does not export */
  missing: string[];
}

export interface TestRun {
  tests: TestResult[];
  fatal?: SandboxFailure;
}

/**
 * A failure as a test's message. Sandbox failures and result-shape errors carry the learner's
 * own words; anything else is an exception of the grader's own code (a learner's forward that
 * changes its output's shape between calls can make a check throw, say): it becomes a message
 * too, reduced to its first line, with no host stack or path, and never rejects the grading.
 */
export function describeFailure(error: unknown): { message: string; fatal?: SandboxFailure } {
  if (error instanceof CallFailure) {
    const stack = error.failure.stack ? `\n${error.failure.stack}` : '';
    return { message: `${error.message}${stack}`, fatal: error.failure.fatal ? error.failure : undefined };
  }
  if (error instanceof ResultShapeError) return { message: error.message };
  return { message: hostErrorMessage(error) };
}

/** The first line of an exception's message, without file paths (they name server files). */
export function hostErrorMessage(error: unknown): string {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const firstLine = raw.split('\n', 1)[0] ?? '';
  return firstLine.replace(/(file:\/\/)?(\/[\w.@+-]+){2,}(:\d+)*/g, '<path>').slice(0, 500);
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
  const { missing } = implementation;
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
    tests.push(await runCase(plan, implementation, index, test, (f) => (fatal = f)));
  }

  if (spec.gradcheck && plan.gradcheckInputs && !fatal && missing.length === 0) {
    const check = spec.gradcheck;
    let outcome: { passed: boolean; message: string; metrics: Record<string, number> };
    try {
      // many forward calls: no in-place check here (the cases have done it)
      outcome = await selfGradientCheck(check, implementation.functions(null), plan.gradcheckInputs);
    } catch (error) {
      const { message, fatal: f } = describeFailure(error);
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

type MakeTest = (passed: boolean, message: string, metrics?: Record<string, number>) => TestResult;

/**
 * One case: the learner's run, the comparison with the reference, the input-mutation check
 * after the whole case, hints on failure. Whatever throws becomes this test's failure.
 */
async function runCase(
  plan: TestPlan,
  implementation: Implementation,
  index: number,
  test: MakeTest,
  onFatal: (failure: SandboxFailure) => void,
): Promise<TestResult> {
  const { spec } = plan;
  const c = plan.cases[index] as PlannedCase;
  const watch = new InputWatch();
  let actual: Record<string, unknown>;
  let mutations: string[];
  try {
    actual = await spec.run(implementation.functions(watch), c.inputs);
    mutations = await watch.settle();
  } catch (error) {
    const { message, fatal } = describeFailure(error);
    if (fatal) onFatal(fatal);
    return test(false, message);
  }
  try {
    const expected = await plan.expected(index);
    const metrics: Record<string, number> = {};
    const problems = [
      ...checkOutputs(spec, expected, actual, c.visibility === 'hidden', metrics),
      ...mutations,
    ];
    if (problems.length === 0) return test(true, 'passed', metrics);
    const hints = await plan.hints(index, actual);
    return test(false, [...problems, ...hints.map((h) => `Hint: ${h}`)].join('\n'), metrics);
  } catch (error) {
    return test(false, `the grader could not check this case: ${hostErrorMessage(error)}`);
  }
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
