import type { LoadedExercise } from './exercise/load-exercise.ts';
import { cachedExercise, serverPlan } from './grade.ts';
import type { RunKit } from './run-kit.ts';
import { WIRE_VERSION } from './sandbox/wire-json.ts';
import { scenarioBundle } from './scenario/bundle.ts';
import { toJsonWire } from './scenario/values-wire.ts';

const kits = new WeakMap<LoadedExercise, Promise<RunKit>>();

async function buildKit(exercise: LoadedExercise): Promise<RunKit> {
  const plan = serverPlan(exercise, { publicOnly: true });
  const cases = plan.cases.map((c, i) => ({
    name: c.name,
    points: c.points,
    inputs: toJsonWire(c.inputs, `${c.name}: inputs`),
    expected: toJsonWire(plan.expected(i), `${c.name}: expected outputs`),
    mistakes: plan.mistakes(i).map((m) => ({
      hint: m.hint,
      outputs: toJsonWire(m.outputs, `${c.name}: a mistake`),
      mutates: m.mutates,
    })),
  }));
  return {
    wireVersion: WIRE_VERSION,
    exercise: exercise.meta.id,
    functions: exercise.spec.functions,
    forbidden: exercise.spec.forbidden ?? [],
    outputs: exercise.spec.outputs,
    cases,
    ...(plan.gradcheckInputs
      ? { gradcheckInputs: toJsonWire(plan.gradcheckInputs, 'gradcheck inputs') }
      : {}),
    ...(exercise.spec.gradcheck ? { gradcheckName: exercise.spec.gradcheck.name } : {}),
    specCode: await scenarioBundle(exercise),
  };
}

/** The RunKit of an exercise, built once per process and version of its folder. */
export function runKit(exerciseId: string): Promise<RunKit> {
  const exercise = cachedExercise(exerciseId);
  let kit = kits.get(exercise);
  if (!kit) {
    kit = buildKit(exercise);
    kits.set(exercise, kit);
    kit.catch(() => kits.delete(exercise));
  }
  return kit;
}
