import type { Inputs } from '@gradlab/content';
import { compareOutput } from './checks/compare.ts';
import { inputGenerator } from './exercise/inputs.ts';
import { type HostFunction, type LoadedExercise, loadExercise } from './exercise/load-exercise.ts';
import { hostFunctions } from './host-functions.ts';
import { learnerFunctions } from './learner-functions.ts';
import type { GradeResult, GradeStatus } from './result.ts';
import { DEFAULT_RTOL, runTests, statusOf, summarize, type TestPlan } from './run-tests.ts';
import { createSandbox } from './sandbox/sandbox.ts';
import type { SandboxLimits, SourceLanguage } from './sandbox/types.ts';
import { isArray } from './values.ts';

export interface GradeRequest {
  exerciseId: string;
  code: string;
  language: SourceLanguage;
  /** run only the public cases (what a learner's "Run" sees); hidden cases are then absent */
  publicOnly?: boolean;
  limits?: Partial<SandboxLimits>;
}

const exerciseCache = new Map<string, LoadedExercise>();

/** Loads an exercise once per process (content is read-only while the server runs). */
export function cachedExercise(id: string): LoadedExercise {
  let exercise = exerciseCache.get(id);
  if (!exercise) {
    exercise = loadExercise(id);
    exerciseCache.set(id, exercise);
  }
  return exercise;
}

/** The hints of the known mistakes whose outputs the given outputs reproduce. */
async function matchingHints(
  exercise: LoadedExercise,
  inputs: Inputs,
  actual: Record<string, unknown>,
): Promise<string[]> {
  const hints: string[] = [];
  for (const mistake of exercise.mistakes) {
    let theirs: Record<string, unknown>;
    try {
      theirs = await exercise.spec.run(hostFunctions(mistake.functions), inputs);
    } catch {
      continue; // a mistake that cannot run on these inputs (a shape error, say) matches nothing
    }
    const same = Object.entries(exercise.spec.outputs).every(([key, check]) => {
      const want = theirs[key];
      return isArray(want) && compareOutput(want, actual[key], check.rtol ?? DEFAULT_RTOL).ok;
    });
    if (same) hints.push(mistake.hint);
  }
  return hints;
}

/**
 * The server's test plan: inputs generated from each case's seed, expected outputs from the
 * reference solution, hints from the known mistakes, all on the host.
 */
export function serverPlan(exercise: LoadedExercise, options: { publicOnly?: boolean } = {}): TestPlan {
  const { spec } = exercise;
  const cases = spec.cases
    .filter((c) => !options.publicOnly || c.visibility === 'public')
    .map((c) => ({
      name: c.name,
      visibility: c.visibility,
      points: c.points,
      inputs: c.inputs(inputGenerator(c.seed)),
    }));
  return {
    spec,
    cases,
    expected: (i) => spec.run(hostFunctions(exercise.solution), (cases[i] as (typeof cases)[number]).inputs),
    hints: (i, actual) => matchingHints(exercise, (cases[i] as (typeof cases)[number]).inputs, actual),
    ...(spec.gradcheck
      ? { gradcheckInputs: spec.gradcheck.inputs(inputGenerator(spec.gradcheck.seed)) }
      : {}),
  };
}

/**
 * Grades one submission: compiles it into a fresh sandbox, runs every case of the spec with
 * the learner's functions and with the reference solution on the same inputs, compares the
 * outputs outside the sandbox, and adds the learner's own gradient check as a diagnostic.
 */
export async function gradeSubmission(request: GradeRequest): Promise<GradeResult> {
  const started = performance.now();
  const exercise = cachedExercise(request.exerciseId);
  const plan = serverPlan(exercise, { publicOnly: request.publicOnly ?? false });
  const created = await createSandbox({
    code: request.code,
    language: request.language,
    limits: request.limits,
    forbidden: exercise.spec.forbidden ?? [],
  });
  if (!created.ok) {
    const { failure } = created;
    const message = [failure.message, failure.stack].filter(Boolean).join('\n');
    return summarize(exercise.meta.id, plan, started, failure.status, [], message);
  }
  const sandbox = created.sandbox;
  try {
    const exported = new Set(sandbox.exports.filter((e) => e.kind === 'function').map((e) => e.name));
    const run = await runTests(plan, {
      functions: (watch) => learnerFunctions(sandbox, exercise.spec.functions, watch),
      missing: exercise.spec.functions.filter((name) => !exported.has(name)),
    });
    return summarize(exercise.meta.id, plan, started, statusOf(run), run.tests, run.fatal?.message);
  } finally {
    sandbox.dispose();
  }
}

/**
 * The result of a grading that ended outside the sandbox's control (its process was killed at
 * the deadline or died): no test ran; the score is 0 of the exercise's points.
 */
export function failedGrading(request: GradeRequest, status: GradeStatus, message: string): GradeResult {
  let maxScore = 0;
  try {
    maxScore = cachedExercise(request.exerciseId)
      .spec.cases.filter((c) => !request.publicOnly || c.visibility === 'public')
      .reduce((sum, c) => sum + c.points, 0);
  } catch {
    // an exercise that does not load has no points to report
  }
  return { exercise: request.exerciseId, status, score: 0, maxScore, durationMs: 0, tests: [], message };
}

/** Grades host functions (an author's solution or known mistake) without a sandbox. */
export async function gradeHostFunctions(
  exercise: LoadedExercise,
  functions: Record<string, HostFunction>,
): Promise<GradeResult> {
  const started = performance.now();
  const plan = serverPlan(exercise);
  const run = await runTests(plan, {
    functions: () => hostFunctions(functions),
    missing: exercise.spec.functions.filter((name) => typeof functions[name] !== 'function'),
  });
  return summarize(exercise.meta.id, plan, started, 'graded', run.tests);
}
