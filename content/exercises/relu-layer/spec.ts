import type { ExerciseSpec, GradientSelfCheck, InputGenerator } from '@gradlab/content';

// reluForward/reluBackward. ReLU'(0) = 0 (course convention): some cases put exact zeros in x.
// The scenario and the gradient self-check are named exports: the browser's Run bundles only
// these two (never the cases below, whose hidden ones stay on the server).
type Fns = 'reluForward' | 'reluBackward';

export const run: ExerciseSpec<Fns>['run'] = ({ reluForward, reluBackward }, { x, dout }) => {
  const { out, cache } = reluForward(x);
  const { dx } = reluBackward(dout, cache);
  return { out, dx };
};

export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your backward agrees with your forward',
  seed: 31,
  inputs: (g) => ({ x: g.randn([3, 2, 4]) }),
  wrt: { x: 'dx' },
  forward: ({ reluForward }, { x }) => {
    const { out, cache } = reluForward(x);
    return { out, state: cache };
  },
  backward: ({ reluBackward }, dout, state) => reluBackward(dout, state),
};

// About one element in six set to exactly 0. Every case with zeros tells the x >= 0 mistake apart
// from the reference, so its hint never shows on a case where its outputs are right.
function withZeros(g: InputGenerator, x: NDArray): NDArray {
  return np.where(g.uniform([...x.shape]).less(1 / 6), 0, x);
}

const spec: ExerciseSpec<Fns> = {
  functions: ['reluForward', 'reluBackward'],
  run,
  outputs: {
    out: { label: 'reluForward: out' },
    dx: { label: 'reluBackward: dx' },
  },
  cases: [
    {
      name: 'batch of vectors (N, D)',
      visibility: 'public',
      points: 2,
      seed: 101,
      inputs: (g) => ({ x: withZeros(g, g.randn([4, 5])), dout: g.randn([4, 5]) }),
    },
    {
      name: 'mixed signs, upstream gradient of both signs',
      visibility: 'public',
      points: 2,
      seed: 102,
      inputs: (g) => ({
        x: withZeros(g, g.randn([3, 6], { scale: 2 })),
        dout: g.randn([3, 6], { scale: 3 }),
      }),
    },
    {
      name: 'exact zeros in the input',
      visibility: 'hidden',
      points: 2,
      seed: 103,
      // zeros (the kink, ReLU'(0) = 0) between values of both signs; dout has both signs too
      inputs: (g) => ({
        x: np.array([
          [0, 1.5, -2, 0, 0.25],
          [-0.5, 0, 3, 0, -1],
          [0, 0, 0.75, -3, 0],
        ]),
        dout: g.randn([3, 5]),
      }),
    },
    {
      name: 'no positive input: negatives and a few exact zeros',
      visibility: 'hidden',
      points: 2,
      seed: 104,
      inputs: (g) => ({
        x: withZeros(g, g.uniform([5, 4], { low: -3, high: -0.01 })),
        dout: g.randn([5, 4]),
      }),
    },
    {
      name: 'input of rank 4 (N, C, H, W)',
      visibility: 'hidden',
      points: 2,
      seed: 105,
      inputs: (g) => ({ x: withZeros(g, g.randn([2, 3, 4, 4])), dout: g.randn([2, 3, 4, 4]) }),
    },
  ],
  gradcheck,
};

export default spec;
