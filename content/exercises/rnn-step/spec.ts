import type { ExerciseSpec, GradientSelfCheck, InputGenerator } from '@gradlab/content';

// rnnStepForward/rnnStepBackward, CS231n's rnn_step_forward in camelCase, batch as rows:
// nextH = tanh(x Wx + prevH Wh + b). Inputs come from each case's seed; the reference outputs
// come from solution.ts on the server. The scenario and the gradient self-check are named
// exports: the browser's Run bundles only these two (never the cases below).
type Fns = 'rnnStepForward' | 'rnnStepBackward';

export const run: ExerciseSpec<Fns>['run'] = (
  { rnnStepForward, rnnStepBackward },
  { x, prevH, Wx, Wh, b, dnextH },
) => {
  const { nextH, cache } = rnnStepForward(x, prevH, Wx, Wh, b);
  const { dx, dprevH, dWx, dWh, db } = rnnStepBackward(dnextH, cache);
  return { nextH, dx, dprevH, dWx, dWh, db };
};

export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your backward agrees with your forward',
  seed: 71,
  inputs: (g) => ({
    x: g.randn([2, 3]),
    prevH: g.randn([2, 4], { scale: 0.5 }),
    Wx: g.randn([3, 4], { scale: 0.5 }),
    Wh: g.randn([4, 4], { scale: 0.5 }),
    b: g.randn([4], { scale: 0.5 }),
  }),
  wrt: { x: 'dx', prevH: 'dprevH', Wx: 'dWx', Wh: 'dWh', b: 'db' },
  forward: ({ rnnStepForward }, { x, prevH, Wx, Wh, b }) => {
    const { nextH, cache } = rnnStepForward(x, prevH, Wx, Wh, b);
    return { out: nextH, state: cache };
  },
  backward: ({ rnnStepBackward }, dout, state) => rnnStepBackward(dout, state),
};

/** x (N, D), prevH (N, H) in (-1, 1), weights scaled so that tanh is mostly unsaturated. */
function step(g: InputGenerator, n: number, d: number, h: number) {
  return {
    x: g.randn([n, d]),
    prevH: g.uniform([n, h], { low: -1, high: 1 }),
    Wx: g.randn([d, h], { scale: 1 / Math.sqrt(d) }),
    Wh: g.randn([h, h], { scale: 1 / Math.sqrt(h) }),
    b: g.randn([h], { scale: 0.5 }),
    dnextH: g.randn([n, h]),
  };
}

const spec: ExerciseSpec<Fns> = {
  functions: ['rnnStepForward', 'rnnStepBackward'],
  // The step is two matrix products and a tanh; einsum would hide the matrix calculus.
  forbidden: ['einsum'],
  run,
  outputs: {
    nextH: { label: 'rnnStepForward: nextH' },
    dx: { label: 'rnnStepBackward: dx' },
    dprevH: { label: 'rnnStepBackward: dprevH' },
    dWx: { label: 'rnnStepBackward: dWx' },
    dWh: { label: 'rnnStepBackward: dWh' },
    db: { label: 'rnnStepBackward: db' },
  },
  cases: [
    {
      name: 'small batch',
      visibility: 'public',
      points: 2,
      seed: 401,
      inputs: (g) => step(g, 3, 4, 5),
    },
    {
      name: 'more inputs than hidden units',
      visibility: 'public',
      points: 2,
      seed: 402,
      inputs: (g) => step(g, 4, 6, 3),
    },
    {
      name: 'strongly non-symmetric Wh',
      visibility: 'hidden',
      points: 2,
      seed: 403,
      inputs: (g) => {
        const inputs = step(g, 3, 3, 4);
        // a strictly upper-triangular part far larger than the rest: Wh and Wh^T differ a lot
        const upper = np.array([
          [0, 2, -1.5, 1],
          [0, 0, 1.5, -2],
          [0, 0, 0, 1.5],
          [0, 0, 0, 0],
        ]);
        return { ...inputs, Wh: inputs.Wh.multiply(0.2).add(upper) };
      },
    },
    {
      name: 'batch of one',
      visibility: 'hidden',
      points: 2,
      seed: 404,
      inputs: (g) => step(g, 1, 5, 4),
    },
    {
      name: 'saturated tanh',
      visibility: 'hidden',
      points: 2,
      seed: 405,
      inputs: (g) => {
        const inputs = step(g, 3, 4, 5);
        // pre-activations of size 2 to 5: tanh' between about 2e-4 and 7e-2
        return {
          ...inputs,
          x: inputs.x.multiply(0.3),
          Wx: inputs.Wx.multiply(0.3),
          Wh: inputs.Wh.multiply(0.3),
          b: np.array([3, -3.5, 4, -2.8, 3.5]),
        };
      },
    },
  ],
  gradcheck,
};

export default spec;
