import { exerciseVersion, type Inputs } from '@gradlab/content';
import { inputGenerator } from './exercise/inputs.ts';
import { type HostFunction, type LoadedExercise, loadExercise } from './exercise/load-exercise.ts';
import { type GradeResult, type GradeStatus, RESULT_VERSION } from './result.ts';
import {
  gradeCases,
  type MistakeOutputs,
  type PlannedCase,
  type Realm,
  statusOf,
  summarize,
  type TestPlan,
} from './run-tests.ts';
import { createSandbox } from './sandbox/sandbox.ts';
import type { SandboxLimits, SourceLanguage } from './sandbox/types.ts';
import { copyInputs, inProcessRealm } from './scenario/in-process-realm.ts';
import { runCase, type Scenario } from './scenario/realm.ts';
import { bundleForSandbox, sandboxRealm } from './scenario/sandbox-realm.ts';

export interface GradeRequest {
  exerciseId: string;
  code: string;
  language: SourceLanguage;
  /** run only the public cases (what a learner's "Run" sees); hidden cases are then absent */
  publicOnly?: boolean;
  limits?: Partial<SandboxLimits>;
}

const exerciseCache = new Map<string, { version: string; exercise: LoadedExercise }>();

/**
 * Loads an exercise once per process, and again when its folder changed (an author edited the
 * spec while the server runs: the next grading, and a regrade, use the new version).
 */
export function cachedExercise(id: string): LoadedExercise {
  const version = exerciseVersion(id);
  const cached = exerciseCache.get(id);
  if (cached?.version === version) return cached.exercise;
  const exercise = loadExercise(id);
  exerciseCache.set(id, { version, exercise });
  return exercise;
}

/** What an exercise is worth: the sum of its cases' points, declared once in its spec.ts. */
export function exercisePoints(id: string): number {
  return cachedExercise(id).spec.cases.reduce((sum, c) => sum + c.points, 0);
}

/** The spec's scenario as the host runs it (the reference, the known mistakes). */
export function hostScenario(exercise: LoadedExercise): Scenario {
  return {
    run: exercise.spec.run,
    ...(exercise.spec.gradcheck ? { gradcheck: exercise.spec.gradcheck } : {}),
  };
}

/** What the reference (or a known mistake's functions) does on a case's inputs. */
function hostRun(exercise: LoadedExercise, functions: Record<string, HostFunction>, inputs: Inputs) {
  return runCase(hostScenario(exercise), functions, exercise.spec.functions, copyInputs(inputs));
}

/** The outputs of the reference (or a known mistake's functions) on a case's inputs. */
function hostOutputs(
  exercise: LoadedExercise,
  functions: Record<string, HostFunction>,
  inputs: Inputs,
): Record<string, unknown> {
  return hostRun(exercise, functions, inputs).outputs;
}

/** Each known mistake's outputs on a case (a mistake that cannot run on these inputs has none). */
export function mistakeOutputs(exercise: LoadedExercise, inputs: Inputs): MistakeOutputs[] {
  const out: MistakeOutputs[] = [];
  for (const mistake of exercise.mistakes) {
    try {
      const ran = hostRun(exercise, mistake.functions, inputs);
      out.push({ hint: mistake.hint, outputs: ran.outputs, mutates: ran.mutations.length > 0 });
    } catch {
      // a shape error, say: this mistake matches nothing on these inputs
    }
  }
  return out;
}

/** What a case's plan holds, computed at most once per loaded version of the exercise. */
interface CasePlanData {
  planned: PlannedCase;
  expected?: Record<string, unknown>;
  mistakes?: MistakeOutputs[];
}

interface ExercisePlanData {
  cases: CasePlanData[];
  gradcheckInputs?: Inputs;
}

/**
 * Per loaded exercise (a new version of the folder is a new LoadedExercise, see cachedExercise):
 * the generated inputs, and the reference's and known mistakes' outputs once computed. Nothing
 * in it depends on a submission, and it never leaves the host: sandboxes get copies of the
 * inputs; reference and mistake outputs are only read, on the host, by the comparison.
 */
const planData = new WeakMap<LoadedExercise, ExercisePlanData>();

function exercisePlanData(exercise: LoadedExercise): ExercisePlanData {
  let data = planData.get(exercise);
  if (!data) {
    const { spec } = exercise;
    data = {
      cases: spec.cases.map((c) => ({
        planned: {
          name: c.name,
          visibility: c.visibility,
          points: c.points,
          inputs: c.inputs(inputGenerator(c.seed)),
        },
      })),
      ...(spec.gradcheck
        ? { gradcheckInputs: spec.gradcheck.inputs(inputGenerator(spec.gradcheck.seed)) }
        : {}),
    };
    planData.set(exercise, data);
  }
  return data;
}

/**
 * The server's test plan: inputs generated from each case's seed, expected outputs from the
 * reference solution, hints from the known mistakes; each computed once per loaded version of
 * the exercise and shared by its gradings (none changes them: realms run on copies).
 */
export function serverPlan(exercise: LoadedExercise, options: { publicOnly?: boolean } = {}): TestPlan {
  const data = exercisePlanData(exercise);
  const selected = data.cases.filter((c) => !options.publicOnly || c.planned.visibility === 'public');
  const at = (i: number) => selected[i] as CasePlanData;
  return {
    spec: exercise.spec,
    cases: selected.map((c) => c.planned),
    expected: (i) => {
      const c = at(i);
      c.expected ??= hostOutputs(exercise, exercise.solution, c.planned.inputs);
      return c.expected;
    },
    mistakes: (i) => {
      const c = at(i);
      c.mistakes ??= mistakeOutputs(exercise, c.planned.inputs);
      return c.mistakes;
    },
    ...(data.gradcheckInputs ? { gradcheckInputs: data.gradcheckInputs } : {}),
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
    scenario: { code: await bundleForSandbox(exercise), functions: exercise.spec.functions },
  });
  if (!created.ok) {
    const { failure } = created;
    const message = [failure.message, failure.stack].filter(Boolean).join('\n');
    return summarize(exercise.meta.id, plan, started, failure.status, [], message);
  }
  const sandbox = created.sandbox;
  try {
    const exported = new Set(sandbox.exports.filter((e) => e.kind === 'function').map((e) => e.name));
    const missing = exercise.spec.functions.filter((name) => !exported.has(name));
    const run = await gradeCases(plan, sandboxRealm(sandbox, missing));
    return summarize(exercise.meta.id, plan, started, statusOf(run), run.tests, run.fatal?.message);
  } finally {
    sandbox.dispose();
  }
}

/** Grades host functions (an author's solution or known mistake) without a sandbox. */
export async function gradeHostFunctions(
  exercise: LoadedExercise,
  functions: Record<string, HostFunction>,
): Promise<GradeResult> {
  const started = performance.now();
  const plan = serverPlan(exercise);
  const realm: Realm = inProcessRealm(hostScenario(exercise), functions, exercise.spec.functions);
  const run = await gradeCases(plan, realm);
  return summarize(exercise.meta.id, plan, started, statusOf(run), run.tests, run.fatal?.message);
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
  return {
    version: RESULT_VERSION,
    exercise: request.exerciseId,
    status,
    score: 0,
    maxScore,
    durationMs: 0,
    tests: [],
    message,
  };
}
