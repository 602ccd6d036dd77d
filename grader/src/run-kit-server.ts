import path from 'node:path';
import type { Inputs } from '@gradlab/content';
import { build } from 'esbuild';
import { cachedExercise, serverPlan } from './grade.ts';
import { type RunKit, toWire, type WireArray } from './run-kit.ts';
import { isArray } from './values.ts';

const kits = new Map<string, Promise<RunKit>>();

function wireRecord(record: Record<string, unknown>, keys: string[]): Record<string, WireArray> {
  const out: Record<string, WireArray> = {};
  for (const key of keys) {
    const value = record[key];
    if (!isArray(value)) throw new Error(`"${key}" is not an array`);
    out[key] = toWire(value);
  }
  return out;
}

/** Bundles only the spec's named exports `run` and `gradcheck` (tree-shaken) for the browser. */
async function bundleScenario(specFile: string, hiddenNames: string[]): Promise<string> {
  const result = await build({
    stdin: {
      contents: `export { run, gradcheck } from ${JSON.stringify(`./${path.basename(specFile)}`)};`,
      resolveDir: path.dirname(specFile),
      loader: 'ts',
      sourcefile: 'scenario.ts',
    },
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    treeShaking: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const leaked = hiddenNames.find((name) => code.includes(name));
  if (leaked !== undefined) {
    throw new Error(`${specFile}: the browser bundle of run/gradcheck would contain hidden case "${leaked}"`);
  }
  return code;
}

async function buildKit(exerciseId: string): Promise<RunKit> {
  const exercise = cachedExercise(exerciseId);
  const plan = serverPlan(exercise, { publicOnly: true });
  const keys = Object.keys(exercise.spec.outputs);
  const cases = [];
  for (const [i, c] of plan.cases.entries()) {
    const expected = await plan.expected(i);
    cases.push({
      name: c.name,
      points: c.points,
      inputs: wireRecord(c.inputs, Object.keys(c.inputs)),
      expected: wireRecord(expected, keys),
    });
  }
  const hidden = exercise.spec.cases.filter((c) => c.visibility === 'hidden').map((c) => c.name);
  const gradcheckInputs: Inputs | undefined = plan.gradcheckInputs;
  return {
    exercise: exercise.meta.id,
    functions: exercise.spec.functions,
    forbidden: exercise.spec.forbidden ?? [],
    outputs: exercise.spec.outputs,
    cases,
    ...(gradcheckInputs
      ? { gradcheckInputs: wireRecord(gradcheckInputs, Object.keys(gradcheckInputs)) }
      : {}),
    specCode: await bundleScenario(exercise.specFile, hidden),
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
