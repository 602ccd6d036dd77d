import { cachedExercise, serverPlan } from './grade.ts';
import type { RunKit } from './run-kit.ts';
import { WIRE_VERSION } from './sandbox/wire-json.ts';
import { scenarioBundle } from './scenario/bundle.ts';
import { toJsonWire } from './scenario/values-wire.ts';

const kits = new Map<string, Promise<RunKit>>();

async function buildKit(exerciseId: string): Promise<RunKit> {
  const exercise = cachedExercise(exerciseId);
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

/** The RunKit of an exercise, built once per process. */
export function runKit(exerciseId: string): Promise<RunKit> {
  let kit = kits.get(exerciseId);
  if (!kit) {
    kit = buildKit(exerciseId);
    kits.set(exerciseId, kit);
    kit.catch(() => kits.delete(exerciseId));
  }
  return kit;
}
