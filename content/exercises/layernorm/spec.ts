import type { ExerciseSpec, GradientSelfCheck } from '@gradlab/content';

// layernormForward(x, gamma, beta, lnParam) -> { out, cache }; layernormBackward(dout, cache) -> { dx, dgamma, dbeta }.
type Fns = 'layernormForward' | 'layernormBackward';

export const run: ExerciseSpec<Fns>['run'] = (
  { layernormForward, layernormBackward },
  { x, gamma, beta, lnParam, dout },
) => {
  const { out, cache } = layernormForward(x, gamma, beta, lnParam);
  const { dx, dgamma, dbeta } = layernormBackward(dout, cache);
  return { out, dx, dgamma, dbeta };
};

export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your backward agrees with your forward',
  seed: 91,
  inputs: (g) => ({ x: g.randn([3, 4]), gamma: g.randn([4]), beta: g.randn([4]) }),
  wrt: { x: 'dx', gamma: 'dgamma', beta: 'dbeta' },
  forward: ({ layernormForward }, { x, gamma, beta }) => {
    const { out, cache } = layernormForward(x, gamma, beta, {});
    return { out, state: cache };
  },
  backward: ({ layernormBackward }, dout, state) => layernormBackward(dout, state),
};

const spec: ExerciseSpec<Fns> = {
  functions: ['layernormForward', 'layernormBackward'],
  run,
  outputs: {
    out: { label: 'layernormForward: out' },
    dx: { label: 'layernormBackward: dx', rtol: 1e-6 },
    dgamma: { label: 'layernormBackward: dgamma' },
    dbeta: { label: 'layernormBackward: dbeta' },
  },
  cases: [
    {
      name: 'four examples, five features',
      visibility: 'public',
      points: 2,
      seed: 92,
      inputs: (g) => ({
        x: g.randn([4, 5], { scale: 2, shift: 1 }),
        gamma: g.randn([5]),
        beta: g.randn([5]),
        lnParam: {},
        dout: g.randn([4, 5]),
      }),
    },
    {
      name: 'two examples, three features, eps given',
      visibility: 'public',
      points: 2,
      seed: 93,
      inputs: (g) => ({
        x: g.randn([2, 3]),
        gamma: g.uniform([3], { low: 0.5, high: 2 }),
        beta: g.randn([3]),
        lnParam: { eps: 1e-3 },
        dout: g.randn([2, 3]),
      }),
    },
    {
      name: 'a single example',
      visibility: 'hidden',
      points: 2,
      seed: 94,
      inputs: (g) => ({
        x: g.randn([1, 6]),
        gamma: g.randn([6]),
        beta: g.randn([6]),
        lnParam: {},
        dout: g.randn([1, 6]),
      }),
    },
    {
      name: 'features on very different scales',
      visibility: 'hidden',
      points: 2,
      seed: 95,
      inputs: (g) => ({
        x: g.randn([5, 4], { scale: 30, shift: -10 }),
        gamma: g.randn([4]),
        beta: g.randn([4]),
        lnParam: {},
        dout: g.randn([5, 4]),
      }),
    },
    {
      name: 'many features',
      visibility: 'hidden',
      points: 2,
      seed: 96,
      inputs: (g) => ({
        x: g.randn([3, 32]),
        gamma: g.randn([32]),
        beta: g.randn([32]),
        lnParam: {},
        dout: g.randn([3, 32]),
      }),
    },
  ],
  gradcheck,
};

export default spec;
