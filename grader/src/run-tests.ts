import type { ExerciseSpec, Inputs } from '@gradlab/content';
import { compareOutput } from './checks/compare.ts';
import type { GradeResult, GradeStatus, TestResult } from './result.ts';
import { RESULT_VERSION } from './result.ts';
import type { SandboxFailure } from './sandbox/types.ts';

/**
 * Grades the cases of a plan in a realm (the sandbox, a browser worker, the host) and turns
 * what came back into test results: outputs compared with the reference outside the learner's
 * realm, inputs changed in place, hints of the known mistakes, the learner's console lines,
 * the gradient self-check. Browser-safe (no Node APIs): Run and Submit share it.
 */

export const DEFAULT_RTOL = 1e-7;

/** The public parts of a spec that grading needs. */
export type ScenarioSpec = Pick<ExerciseSpec, 'functions' | 'outputs'> & { gradcheck?: { name: string } };

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
  expected(index: number): Record<string, unknown>;
  /** the known mistakes' outputs on case i, for hints */
  mistakes(index: number): MistakeOutputs[];
  /** inputs of the gradient self-check, when the spec has one */
  gradcheckInputs?: Inputs;
}

/** What a realm reports for one case. */
export type CaseOutcome =
  | { ok: true; outputs: Record<string, unknown>; mutations: string[]; logs: string[] }
  | { ok: false; message: string; logs?: string[]; fatal?: SandboxFailure };

/** What a realm reports for the gradient self-check. */
export type SelfCheckOutcome =
  | { ok: true; passed: boolean; message: string; metrics: Record<string, number> }
  | { ok: false; message: string; fatal?: SandboxFailure };

/** Where the learner's code runs: it runs the scenario there and reports the outputs. */
export interface Realm {
  /** spec functions the learner's module does not export */
  missing: string[];
  runCase(inputs: Inputs): Promise<CaseOutcome>;
  selfCheck(inputs: Inputs): Promise<SelfCheckOutcome>;
}

export interface TestRun {
  tests: TestResult[];
  fatal?: SandboxFailure;
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
    const result = compareOutput(expected[key], actual[key], check.rtol ?? DEFAULT_RTOL);
    metrics[`${key}.maxRelativeError`] = result.maxRelativeError;
    if (result.mismatch)
      problems.push(`${check.label}: ${hidden ? result.mismatch.hiddenMessage : result.mismatch.message}`);
  }
  return problems;
}

/** A known mistake's outputs on one case, with its hint. */
export interface MistakeOutputs {
  hint: string;
  outputs: Record<string, unknown>;
  /** whether the mistake changes its inputs in place on this case */
  mutates: boolean;
}

/**
 * The hints of the known mistakes whose outputs `actual` reproduces (Run and Submit alike). A
 * mistake that gives the reference's own outputs on this case explains a failure here only if
 * both it and the learner changed inputs in place; otherwise its hint is not shown.
 */
export function matchingHints(
  spec: ScenarioSpec,
  mistakes: readonly MistakeOutputs[],
  actual: Record<string, unknown>,
  expected: Record<string, unknown>,
  learnerMutated: boolean,
): string[] {
  const matches = (outputs: Record<string, unknown>, other: Record<string, unknown>) =>
    Object.entries(spec.outputs).every(
      ([key, check]) => compareOutput(outputs[key], other[key], check.rtol ?? DEFAULT_RTOL).ok,
    );
  const hints: string[] = [];
  for (const mistake of mistakes) {
    if (matches(mistake.outputs, expected) && !(mistake.mutates && learnerMutated)) continue;
    if (matches(mistake.outputs, actual) && !hints.includes(mistake.hint)) hints.push(mistake.hint);
  }
  return hints;
}

/**
 * What a learner may see of a result, the one place where hidden tests are redacted: public
 * tests in full; hidden tests as pass/fail and points only, without their name, message,
 * hints, console lines or metrics (so no case name, value or printed input leaks). The stored
 * result keeps everything, for instructors.
 */
export function learnerView(result: GradeResult): GradeResult {
  let hidden = 0;
  const tests = result.tests.map((t): TestResult => {
    if (t.visibility !== 'hidden') return t;
    hidden += 1;
    return {
      name: `hidden test ${hidden}`,
      visibility: 'hidden',
      passed: t.passed,
      points: t.points,
      maxPoints: t.maxPoints,
      message: t.passed ? 'passed' : 'failed',
    };
  });
  return { ...result, tests };
}

export async function gradeCases(plan: TestPlan, realm: Realm): Promise<TestRun> {
  const { spec } = plan;
  const tests: TestResult[] = [];
  let fatal: SandboxFailure | undefined;

  for (const [index, c] of plan.cases.entries()) {
    const test = (passed: boolean, message: string, extra: Partial<TestResult> = {}): TestResult => ({
      name: c.name,
      visibility: c.visibility,
      passed,
      points: passed ? c.points : 0,
      maxPoints: c.points,
      message,
      ...extra,
    });
    if (fatal) {
      tests.push(test(false, `not run: ${fatal.message}`));
      continue;
    }
    if (realm.missing.length > 0) {
      tests.push(
        test(false, `your module does not export ${realm.missing.map((m) => `\`${m}\``).join(' and ')}`),
      );
      continue;
    }
    const outcome = await realm.runCase(c.inputs);
    if (!outcome.ok) {
      fatal = outcome.fatal;
      tests.push(test(false, outcome.message, outcome.logs?.length ? { logs: outcome.logs } : {}));
      continue;
    }
    const logs = outcome.logs.length > 0 ? { logs: outcome.logs } : {};
    try {
      const metrics: Record<string, number> = {};
      const expected = plan.expected(index);
      const problems = [
        ...checkOutputs(spec, expected, outcome.outputs, c.visibility === 'hidden', metrics),
        ...outcome.mutations,
      ];
      if (problems.length === 0) {
        tests.push(test(true, 'passed', { metrics, ...logs }));
        continue;
      }
      const mutated = outcome.mutations.length > 0;
      const hints = matchingHints(spec, plan.mistakes(index), outcome.outputs, expected, mutated);
      tests.push(test(false, problems.join('\n'), { metrics, ...(hints.length ? { hints } : {}), ...logs }));
    } catch (error) {
      tests.push(test(false, `the grader could not check this case: ${hostErrorMessage(error)}`, logs));
    }
  }

  if (spec.gradcheck && plan.gradcheckInputs && !fatal && realm.missing.length === 0) {
    const outcome = await realm.selfCheck(plan.gradcheckInputs);
    const common = { name: spec.gradcheck.name, visibility: 'public' as const, points: 0, maxPoints: 0 };
    if (outcome.ok) {
      tests.push({ ...common, passed: outcome.passed, message: outcome.message, metrics: outcome.metrics });
    } else {
      fatal = outcome.fatal;
      tests.push({
        ...common,
        passed: false,
        message: `could not run your forward and backward: ${outcome.message}`,
      });
    }
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
): GradeResult {
  return {
    version: RESULT_VERSION,
    exercise,
    status,
    score: tests.reduce((sum, t) => sum + t.points, 0),
    maxScore: plan.cases.reduce((sum, c) => sum + c.points, 0),
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    tests,
    ...(message === undefined ? {} : { message }),
  };
}
