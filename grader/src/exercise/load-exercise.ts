import {
  ContentError,
  type ExerciseMeta,
  type ExerciseSpec,
  exerciseSources,
  exerciseSpecSchema,
  readExerciseMeta,
} from '@gradlab/content';
import { np } from '@gradlab/kernels';
import { loadAuthorModule } from './module-loader.ts';

type Module = Record<string, unknown>;
export type HostFunction = (...args: unknown[]) => unknown;

export interface KnownMistake {
  name: string;
  file: string;
  hint: string;
  /** the solution's functions with this mistake's overrides */
  functions: Record<string, HostFunction>;
}

/** Everything the grader needs of an exercise, loaded and validated on the server. */
export interface LoadedExercise {
  meta: ExerciseMeta;
  spec: ExerciseSpec;
  specFile: string;
  solution: Record<string, HostFunction>;
  solutionFile: string;
  starterFile: string;
  mistakes: KnownMistake[];
}

function pickFunctions(
  module: Module,
  names: string[],
  file: string,
  required: boolean,
): Record<string, HostFunction> {
  const out: Record<string, HostFunction> = {};
  for (const name of names) {
    const value = module[name];
    if (typeof value === 'function') out[name] = value as HostFunction;
    else if (required || value !== undefined) {
      throw new ContentError(file, `must export function ${name} (the spec lists it in "functions")`);
    }
  }
  return out;
}

/** Loads and validates an exercise folder; errors name the file and what is wrong. */
export function loadExercise(id: string): LoadedExercise {
  const { meta } = readExerciseMeta(id);
  const sources = exerciseSources(id);
  const globals = { np };

  const specModule = loadAuthorModule(sources.specFile, globals);
  const parsed = exerciseSpecSchema.safeParse(specModule.default);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(default export)'}: ${i.message}`,
    );
    throw new ContentError(sources.specFile, `invalid spec: ${problems.join('; ')}`);
  }
  const spec = specModule.default as ExerciseSpec;
  // The browser's Run bundles the scenario alone, so it must be a named export too.
  if (specModule.run !== spec.run) {
    throw new ContentError(
      sources.specFile,
      'export the scenario as `export const run` and use it in the spec',
    );
  }
  if (spec.gradcheck && specModule.gradcheck !== spec.gradcheck) {
    throw new ContentError(
      sources.specFile,
      'export the gradient check as `export const gradcheck` and use it in the spec',
    );
  }

  const solution = pickFunctions(
    loadAuthorModule(sources.solutionFile, globals),
    spec.functions,
    sources.solutionFile,
    true,
  );
  const mistakes = sources.mistakes.map(({ name, file }) => {
    const module = loadAuthorModule(file, globals);
    if (typeof module.hint !== 'string' || module.hint.trim() === '') {
      throw new ContentError(file, 'a known mistake must export `hint`, the sentence shown to the learner');
    }
    const overrides = pickFunctions(module, spec.functions, file, false);
    if (Object.keys(overrides).length === 0) {
      throw new ContentError(file, `exports none of the spec's functions (${spec.functions.join(', ')})`);
    }
    return { name, file, hint: module.hint, functions: { ...solution, ...overrides } };
  });

  return {
    meta,
    spec,
    specFile: sources.specFile,
    solution,
    solutionFile: sources.solutionFile,
    starterFile: sources.starterFile,
    mistakes,
  };
}
