import type { ExerciseSpec } from '@gradlab/content';

// sgd, sgdMomentum, rmsprop, adam: (w, dw, config) -> { nextW, config }. Each case runs every rule
// for several steps from the same w, feeding the returned config into the next step, and checks
// the final weights and the state left in the config.
type Fns = 'sgd' | 'sgdMomentum' | 'rmsprop' | 'adam';
type Rule = (w: unknown, dw: unknown, config: unknown) => { nextW: unknown; config: Record<string, unknown> };

export const run: ExerciseSpec<Fns>['run'] = (fns, { w, dws, configs }) => {
  const steps = dws as unknown[];
  const start = configs as Record<Fns, Record<string, unknown>>;
  const final: Record<string, { w: unknown; config: Record<string, unknown> }> = {};
  for (const name of ['sgd', 'sgdMomentum', 'rmsprop', 'adam'] as const) {
    const rule = fns[name] as unknown as Rule;
    let current: unknown = w;
    let config: Record<string, unknown> = start[name];
    for (const dw of steps) {
      const result = rule(current, dw, config);
      current = result.nextW;
      config = result.config;
    }
    final[name] = { w: current, config };
  }
  return {
    sgdW: final.sgd?.w,
    momentumW: final.sgdMomentum?.w,
    velocity: final.sgdMomentum?.config.velocity,
    rmspropW: final.rmsprop?.w,
    cache: final.rmsprop?.config.cache,
    adamW: final.adam?.w,
    m: final.adam?.config.m,
    v: final.adam?.config.v,
    t: final.adam?.config.t,
  };
};

const spec: ExerciseSpec<Fns> = {
  functions: ['sgd', 'sgdMomentum', 'rmsprop', 'adam'],
  run,
  outputs: {
    sgdW: { label: 'sgd: nextW after the last step' },
    momentumW: { label: 'sgdMomentum: nextW after the last step' },
    velocity: { label: 'sgdMomentum: config.velocity after the last step' },
    rmspropW: { label: 'rmsprop: nextW after the last step' },
    cache: { label: 'rmsprop: config.cache after the last step' },
    adamW: { label: 'adam: nextW after the last step' },
    m: { label: 'adam: config.m after the last step' },
    v: { label: 'adam: config.v after the last step' },
    t: { label: 'adam: config.t after the last step' },
  },
  cases: [
    {
      name: 'one step, every hyperparameter given',
      visibility: 'public',
      points: 2,
      seed: 51,
      inputs: (g) => ({
        w: g.randn([3, 4]),
        dws: [g.randn([3, 4])],
        configs: {
          sgd: { learningRate: 0.1 },
          sgdMomentum: { learningRate: 0.1, momentum: 0.8 },
          rmsprop: { learningRate: 0.01, decayRate: 0.9, epsilon: 1e-8 },
          adam: { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
        },
      }),
    },
    {
      name: 'three steps with the defaults',
      visibility: 'public',
      points: 2,
      seed: 52,
      inputs: (g) => ({
        w: g.randn([2, 3]),
        dws: [g.randn([2, 3]), g.randn([2, 3]), g.randn([2, 3])],
        configs: { sgd: {}, sgdMomentum: {}, rmsprop: {}, adam: {} },
      }),
    },
    {
      name: 'five steps from a given state',
      visibility: 'hidden',
      points: 2,
      seed: 53,
      inputs: (g) => ({
        w: g.randn([4]),
        dws: [g.randn([4]), g.randn([4]), g.randn([4]), g.randn([4]), g.randn([4])],
        configs: {
          sgd: { learningRate: 0.05 },
          sgdMomentum: { learningRate: 0.05, momentum: 0.9, velocity: g.randn([4], { scale: 0.1 }) },
          rmsprop: { learningRate: 0.01, cache: g.uniform([4], { low: 0.1, high: 1 }) },
          adam: {
            learningRate: 0.01,
            m: g.randn([4], { scale: 0.1 }),
            v: g.uniform([4], { low: 0.01, high: 0.1 }),
            t: 7,
          },
        },
      }),
    },
    {
      name: 'tiny gradients',
      visibility: 'hidden',
      points: 2,
      seed: 54,
      inputs: (g) => ({
        w: g.randn([3, 3]),
        dws: [g.randn([3, 3], { scale: 1e-7 }), g.randn([3, 3], { scale: 1e-7 })],
        configs: { sgd: {}, sgdMomentum: {}, rmsprop: {}, adam: {} },
      }),
    },
    {
      name: 'many steps, large learning rates',
      visibility: 'hidden',
      points: 2,
      seed: 55,
      inputs: (g) => ({
        w: g.randn([2, 2]),
        dws: Array.from({ length: 8 }, () => g.randn([2, 2], { scale: 3 })),
        configs: {
          sgd: { learningRate: 0.5 },
          sgdMomentum: { learningRate: 0.2, momentum: 0.95 },
          rmsprop: { learningRate: 0.1, decayRate: 0.95 },
          adam: { learningRate: 0.1, beta1: 0.8, beta2: 0.99 },
        },
      }),
    },
  ],
};

export default spec;
