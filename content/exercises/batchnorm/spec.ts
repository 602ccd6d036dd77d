import type { ExerciseSpec, GradientSelfCheck, InputGenerator, Inputs } from '@gradlab/content';

// batchnormForward/batchnormBackward, CS231n's batchnorm_forward in camelCase. The scenario runs
// one or more training steps, feeding the returned bnParam back, takes the backward pass of the
// last one, then calls test mode with the running statistics. bnParam objects are handed over
// frozen, so a learner who writes into bnParam gets an error instead of a silent pass.
// The scenario and the gradient self-check are named exports: the browser's Run bundles only
// these two (never the cases below, whose hidden ones stay on the server).
type Fns = 'batchnormForward' | 'batchnormBackward';

export const run: ExerciseSpec<Fns>['run'] = (
  { batchnormForward, batchnormBackward },
  { batches, xTest, gamma, beta, dout, bnParam },
) => {
  let param = Object.freeze({ ...(bnParam as object) }) as Record<string, unknown>;
  let out: unknown;
  let cache: unknown;
  for (const x of batches as readonly NDArray[]) {
    const step = batchnormForward(x, gamma, beta, param);
    out = step.out;
    cache = step.cache;
    param = Object.freeze({ ...((step.bnParam ?? {}) as object) }) as Record<string, unknown>;
  }
  const { dx, dgamma, dbeta } = batchnormBackward(dout, cache);
  const test = batchnormForward(xTest, gamma, beta, Object.freeze({ ...param, mode: 'test' }));
  return {
    out,
    dx,
    dgamma,
    dbeta,
    runningMean: param.runningMean,
    runningVar: param.runningVar,
    testOut: test.out,
  };
};

export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your backward agrees with your forward (train mode)',
  seed: 61,
  inputs: (g) => ({ x: g.randn([4, 3], { scale: 2, shift: 1 }), gamma: g.randn([3]), beta: g.randn([3]) }),
  wrt: { x: 'dx', gamma: 'dgamma', beta: 'dbeta' },
  forward: ({ batchnormForward }, { x, gamma, beta }) => {
    const { out, cache } = batchnormForward(x, gamma, beta, Object.freeze({ mode: 'train' }));
    return { out, state: cache };
  },
  backward: ({ batchnormBackward }, dout, state) => batchnormBackward(dout, state),
};

/** Training batches of shape (n, d), a test batch, parameters and the upstream gradient of the last step. */
function steps(
  g: InputGenerator,
  {
    n,
    d,
    count,
    nTest,
    scale = 1,
    shift = 0,
  }: { n: number; d: number; count: number; nTest: number; scale?: number; shift?: number },
  bnParam: (g: InputGenerator) => Inputs,
): Inputs {
  return {
    batches: Array.from({ length: count }, () => g.randn([n, d], { scale, shift })),
    xTest: g.randn([nTest, d], { scale, shift }),
    gamma: g.randn([d]),
    beta: g.randn([d]),
    dout: g.randn([n, d]),
    bnParam: bnParam(g),
  };
}

const spec: ExerciseSpec<Fns> = {
  functions: ['batchnormForward', 'batchnormBackward'],
  run,
  outputs: {
    out: { label: 'batchnormForward (last training step): out' },
    dx: { label: 'batchnormBackward: dx' },
    dgamma: { label: 'batchnormBackward: dgamma' },
    dbeta: { label: 'batchnormBackward: dbeta' },
    runningMean: { label: 'bnParam.runningMean after training' },
    runningVar: { label: 'bnParam.runningVar after training' },
    testOut: { label: "batchnormForward (mode 'test'): out" },
  },
  cases: [
    {
      name: 'two training steps, then test mode (default eps and momentum)',
      visibility: 'public',
      points: 2,
      seed: 301,
      inputs: (g) => steps(g, { n: 4, d: 3, count: 2, nTest: 3, shift: 1 }, () => ({ mode: 'train' })),
    },
    {
      name: 'given running statistics, eps and momentum',
      visibility: 'public',
      points: 2,
      seed: 302,
      inputs: (g) =>
        steps(g, { n: 5, d: 4, count: 1, nTest: 2 }, (r) => ({
          mode: 'train',
          eps: 1e-3,
          momentum: 0.8,
          runningMean: r.randn([4]),
          runningVar: r.uniform([4], { low: 0.5, high: 2 }),
        })),
    },
    {
      name: 'features far from zero mean and unit variance',
      visibility: 'hidden',
      points: 2,
      seed: 303,
      inputs: (g) =>
        steps(g, { n: 6, d: 3, count: 3, nTest: 4, scale: 10, shift: 5 }, () => ({ mode: 'train' })),
    },
    {
      name: 'batch of two',
      visibility: 'hidden',
      points: 2,
      seed: 304,
      inputs: (g) => steps(g, { n: 2, d: 4, count: 2, nTest: 3 }, () => ({ mode: 'train', momentum: 0.7 })),
    },
    {
      name: 'wide layer, momentum 0.99',
      visibility: 'hidden',
      points: 2,
      seed: 305,
      inputs: (g) => steps(g, { n: 5, d: 10, count: 2, nTest: 3 }, () => ({ mode: 'train', momentum: 0.99 })),
    },
    {
      name: 'one test example after three training steps',
      visibility: 'hidden',
      points: 2,
      seed: 306,
      inputs: (g) =>
        steps(g, { n: 4, d: 5, count: 3, nTest: 1, shift: -2 }, (r) => ({
          mode: 'train',
          eps: 1e-2,
          runningMean: r.randn([5]),
          runningVar: r.uniform([5], { low: 0.5, high: 2 }),
        })),
    },
  ],
  gradcheck,
};

export default spec;
