import type { ExerciseSpec, GradientSelfCheck, InputGenerator } from '@gradlab/content';

// sigmoid, tanh and leaky ReLU layers, each a forward { out, cache } and a backward { dx }.
// The scenario runs all six on the same x and dout; alpha comes with each case.
// The scenario and the gradient self-check are named exports: the browser's Run bundles only
// these two (never the cases below, whose hidden ones stay on the server).
type Fns =
  | 'sigmoidForward'
  | 'sigmoidBackward'
  | 'tanhForward'
  | 'tanhBackward'
  | 'leakyReluForward'
  | 'leakyReluBackward';

export const run: ExerciseSpec<Fns>['run'] = (fns, { x, alpha, dout }) => {
  const sigmoid = fns.sigmoidForward(x);
  const tanh = fns.tanhForward(x);
  const leaky = fns.leakyReluForward(x, alpha);
  return {
    sigmoidOut: sigmoid.out,
    sigmoidDx: fns.sigmoidBackward(dout, sigmoid.cache).dx,
    tanhOut: tanh.out,
    tanhDx: fns.tanhBackward(dout, tanh.cache).dx,
    leakyOut: leaky.out,
    leakyDx: fns.leakyReluBackward(dout, leaky.cache).dx,
  };
};

// One check for the three layers: their outputs stacked on a new first axis, each layer with an
// input of its own, so each dx is compared with the numeric gradient of its own layer.
export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your backward passes agree with your forward passes',
  seed: 61,
  inputs: (g) => ({
    xs: g.randn([3, 4], { scale: 2 }),
    xt: g.randn([3, 4]),
    xl: g.randn([3, 4]),
    alpha: 0.1,
  }),
  wrt: { xs: 'sigmoidDx', xt: 'tanhDx', xl: 'leakyDx' },
  forward: (fns, { xs, xt, xl, alpha }) => {
    const sigmoid = fns.sigmoidForward(xs);
    const tanh = fns.tanhForward(xt);
    const leaky = fns.leakyReluForward(xl, alpha);
    return {
      out: np.stack([sigmoid.out as NDArray, tanh.out as NDArray, leaky.out as NDArray]),
      state: [sigmoid.cache, tanh.cache, leaky.cache],
    };
  },
  backward: (fns, dout, state) => {
    const [s, t, l] = state as unknown[];
    return {
      sigmoidDx: fns.sigmoidBackward(dout.slice(0).copy(), s).dx,
      tanhDx: fns.tanhBackward(dout.slice(1).copy(), t).dx,
      leakyDx: fns.leakyReluBackward(dout.slice(2).copy(), l).dx,
    };
  },
};

// About one element in six set to exactly 0: every case tells the leaky x >= 0 mistake apart.
function withZeros(g: InputGenerator, x: NDArray): NDArray {
  return np.where(g.uniform([...x.shape]).less(1 / 6), 0, x);
}

const spec: ExerciseSpec<Fns> = {
  functions: [
    'sigmoidForward',
    'sigmoidBackward',
    'tanhForward',
    'tanhBackward',
    'leakyReluForward',
    'leakyReluBackward',
  ],
  run,
  outputs: {
    sigmoidOut: { label: 'sigmoidForward: out' },
    sigmoidDx: { label: 'sigmoidBackward: dx' },
    tanhOut: { label: 'tanhForward: out' },
    tanhDx: { label: 'tanhBackward: dx' },
    leakyOut: { label: 'leakyReluForward: out' },
    leakyDx: { label: 'leakyReluBackward: dx' },
  },
  cases: [
    {
      name: 'batch of vectors, alpha = 0.1',
      visibility: 'public',
      points: 2,
      seed: 401,
      inputs: (g) => ({ x: withZeros(g, g.randn([4, 5], { scale: 2 })), alpha: 0.1, dout: g.randn([4, 5]) }),
    },
    {
      name: 'input of rank 4, alpha = 0.05',
      visibility: 'public',
      points: 2,
      seed: 402,
      inputs: (g) => ({
        x: withZeros(g, g.randn([2, 2, 3, 3], { scale: 3 })),
        alpha: 0.05,
        dout: g.randn([2, 2, 3, 3]),
      }),
    },
    {
      name: 'large |x|: saturated sigmoid and tanh',
      visibility: 'hidden',
      points: 2,
      seed: 403,
      inputs: (g) => ({
        x: np.array([
          [-1000, -750, -40, -20, -12.5, 0],
          [1000, 750, 40, 20, 12.5, 6],
        ]),
        alpha: 0.2,
        dout: g.randn([2, 6], { scale: 5 }),
      }),
    },
    {
      name: 'leaky ReLU at exact zeros, alpha = 0.3',
      visibility: 'hidden',
      points: 2,
      seed: 404,
      inputs: (g) => ({
        x: np.array([
          [0, -1.5, 2, 0, 0.5],
          [0, 0, -0.25, 3, 0],
        ]),
        alpha: 0.3,
        dout: g.randn([2, 5]),
      }),
    },
    {
      name: 'rank 3 input, small alpha = 0.001',
      visibility: 'hidden',
      points: 2,
      seed: 405,
      inputs: (g) => ({ x: withZeros(g, g.randn([3, 4, 5])), alpha: 0.001, dout: g.randn([3, 4, 5]) }),
    },
  ],
  gradcheck,
};

export default spec;
