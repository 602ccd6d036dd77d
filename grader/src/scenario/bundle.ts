/**
 * The scenario bundle of an exercise: its spec's named exports `run` and `gradcheck`, bundled
 * alone (tree-shaken) as CommonJS. The same code runs in the sandbox's isolate (Submit) and in
 * the learner's browser (Run), so it must never contain a hidden case: the build fails if it does.
 */
import path from 'node:path';
import { build } from 'esbuild';
import type { LoadedExercise } from '../exercise/load-exercise.ts';

const bundles = new WeakMap<LoadedExercise, Promise<string>>();

async function bundleScenario(exercise: LoadedExercise): Promise<string> {
  const { specFile } = exercise;
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
  const hidden = exercise.spec.cases.filter((c) => c.visibility === 'hidden').map((c) => c.name);
  const leaked = hidden.find((name) => code.includes(name));
  if (leaked !== undefined)
    throw new Error(`${specFile}: the bundle of run/gradcheck would contain hidden case "${leaked}"`);
  return code;
}

/** The scenario bundle of a loaded exercise, built once per loaded version. */
export function scenarioBundle(exercise: LoadedExercise): Promise<string> {
  let bundle = bundles.get(exercise);
  if (!bundle) {
    bundle = bundleScenario(exercise);
    bundles.set(exercise, bundle);
    bundle.catch(() => bundles.delete(exercise));
  }
  return bundle;
}
