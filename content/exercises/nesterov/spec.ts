import type { ExerciseSpec } from '@gradlab/content';

// nesterov(w, dw, config) -> { nextW, config }, run for several steps with the config fed back.
type Fns = 'nesterov';
type Rule = (w: unknown, dw: unknown, config: unknown) => { nextW: unknown; config: Record<string, unknown> };

export const run: ExerciseSpec<Fns>['run'] = ({ nesterov }, { w, dws, config }) => {
  const rule = nesterov as unknown as Rule;
  let current: unknown = w;
  let state = config as Record<string, unknown>;
  for (const dw of dws as unknown[]) {
    const result = rule(current, dw, state);
    current = result.nextW;
    state = result.config;
  }
  return { nextW: current, velocity: state.velocity };
};

const spec: ExerciseSpec<Fns> = {
  functions: ['nesterov'],
  run,
  outputs: {
    nextW: { label: 'nesterov: nextW after the last step' },
    velocity: { label: 'nesterov: config.velocity after the last step' },
  },
  cases: [
    {
      name: 'one step, hyperparameters given',
      visibility: 'public',
      points: 2,
      seed: 81,
      inputs: (g) => ({
        w: g.randn([3, 2]),
        dws: [g.randn([3, 2])],
        config: { learningRate: 0.1, momentum: 0.8 },
      }),
    },
    {
      name: 'three steps with the defaults',
      visibility: 'public',
      points: 2,
      seed: 82,
      inputs: (g) => ({ w: g.randn([4]), dws: [g.randn([4]), g.randn([4]), g.randn([4])], config: {} }),
    },
    {
      name: 'from a given velocity',
      visibility: 'hidden',
      points: 2,
      seed: 83,
      inputs: (g) => ({
        w: g.randn([2, 3]),
        dws: [g.randn([2, 3]), g.randn([2, 3])],
        config: { learningRate: 0.05, momentum: 0.9, velocity: g.randn([2, 3], { scale: 0.5 }) },
      }),
    },
    {
      name: 'six steps, high momentum',
      visibility: 'hidden',
      points: 2,
      seed: 84,
      inputs: (g) => ({
        w: g.randn([3]),
        dws: Array.from({ length: 6 }, () => g.randn([3])),
        config: { learningRate: 0.2, momentum: 0.99 },
      }),
    },
    {
      name: 'no momentum',
      visibility: 'hidden',
      points: 2,
      seed: 85,
      inputs: (g) => ({
        w: g.randn([2, 2]),
        dws: [g.randn([2, 2]), g.randn([2, 2])],
        config: { learningRate: 0.3, momentum: 0 },
      }),
    },
  ],
};

export default spec;
