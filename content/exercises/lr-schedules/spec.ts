import type { ExerciseFunction, ExerciseSpec } from '@gradlab/content';

// Four schedules, each evaluated over the case's list of steps; the scenario gathers the rates
// into one array per schedule. Steps include t = 0, the step before and at a drop, t = T and
// beyond, the last warm-up step and the first after it. Rates are plain arithmetic: 1e-7.
type Fns = 'stepDecay' | 'exponentialDecay' | 'cosineDecay' | 'linearWarmup';

/** The rates fn gives at each step, as an array; lr must be a JavaScript number. */
function rates(name: string, fn: ExerciseFunction, lr0: unknown, steps: number[], config: unknown) {
  return np.array(
    steps.map((t) => {
      const { lr } = fn(lr0, t, config);
      if (typeof lr !== 'number')
        throw new Error(
          `${name} must return { lr } with lr a number, got ${lr === null ? 'null' : typeof lr}`,
        );
      return lr;
    }),
  );
}

export const run: ExerciseSpec<Fns>['run'] = (fns, inputs) => {
  const { lr0, step, exponential, cosine, warmup } = inputs;
  const steps = inputs.steps as number[];
  return {
    step: rates('stepDecay', fns.stepDecay, lr0, steps, step),
    exponential: rates('exponentialDecay', fns.exponentialDecay, lr0, steps, exponential),
    cosine: rates('cosineDecay', fns.cosineDecay, lr0, steps, cosine),
    warmup: rates('linearWarmup', fns.linearWarmup, lr0, steps, warmup),
  };
};

const spec: ExerciseSpec<Fns> = {
  functions: ['stepDecay', 'exponentialDecay', 'cosineDecay', 'linearWarmup'],
  run,
  outputs: {
    step: { label: 'stepDecay: lr at each step' },
    exponential: { label: 'exponentialDecay: lr at each step' },
    cosine: { label: 'cosineDecay: lr at each step' },
    warmup: { label: 'linearWarmup: lr at each step' },
  },
  cases: [
    {
      name: 'lr0 = 0.1: drops every 10 steps, T = 20, 5 warm-up steps',
      visibility: 'public',
      points: 2,
      seed: 41,
      inputs: () => ({
        lr0: 0.1,
        steps: [0, 1, 4, 5, 9, 10, 11, 20, 25],
        step: { dropEvery: 10, factor: 0.5 },
        exponential: { k: 0.05 },
        cosine: { T: 20, lrMin: 0.001 },
        warmup: { warmupSteps: 5 },
      }),
    },
    {
      name: 'lr0 = 1: drops every 3 steps, T = 6 down to 0, 4 warm-up steps',
      visibility: 'public',
      points: 2,
      seed: 42,
      inputs: () => ({
        lr0: 1,
        steps: [0, 2, 3, 4, 6, 9],
        step: { dropEvery: 3, factor: 0.1 },
        exponential: { k: 0.5 },
        cosine: { T: 6, lrMin: 0 },
        warmup: { warmupSteps: 4 },
      }),
    },
    {
      name: 'lr0 = 3e-4, no step 0: drops every 30, T = 60, 60 warm-up steps',
      visibility: 'hidden',
      points: 2,
      seed: 43,
      inputs: () => ({
        lr0: 3e-4,
        steps: [1, 7, 29, 30, 59, 60, 61, 100],
        step: { dropEvery: 30, factor: 0.2 },
        exponential: { k: 0.01 },
        cosine: { T: 60, lrMin: 1e-5 },
        warmup: { warmupSteps: 60 },
      }),
    },
    {
      name: 'every setting 1: a drop each step, T = 1, one warm-up step',
      visibility: 'hidden',
      points: 2,
      seed: 44,
      inputs: () => ({
        lr0: 0.5,
        steps: [0, 1, 2, 3],
        step: { dropEvery: 1, factor: 0.5 },
        exponential: { k: 1 },
        cosine: { T: 1, lrMin: 0.05 },
        warmup: { warmupSteps: 1 },
      }),
    },
    {
      name: 'long run: 5000 steps, drops every 1000',
      visibility: 'hidden',
      points: 2,
      seed: 45,
      inputs: () => ({
        lr0: 0.01,
        steps: [0, 999, 1000, 1001, 2500, 4999, 5000, 7000],
        step: { dropEvery: 1000, factor: 0.9 },
        exponential: { k: 1e-3 },
        cosine: { T: 5000, lrMin: 1e-4 },
        warmup: { warmupSteps: 1000 },
      }),
    },
  ],
};

export default spec;
