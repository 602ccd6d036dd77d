import type { ExerciseSpec, GradientSelfCheck, InputGenerator } from '@gradlab/content';

// dropoutForward(x, { p, mode, u }) / dropoutBackward(dout, cache): inverted dropout with p the
// DROP probability. The randomness is an input: u holds uniform samples shaped like x and a unit
// is kept where u >= p, so the learner's mask and the reference's are the same.
// The scenario and the gradient self-check are named exports: the browser's Run bundles only
// these two (never the cases below, whose hidden ones stay on the server).
type Fns = 'dropoutForward' | 'dropoutBackward';

export const run: ExerciseSpec<Fns>['run'] = (
  { dropoutForward, dropoutBackward },
  { x, dropoutParam, dout },
) => {
  const { out, cache } = dropoutForward(x, dropoutParam);
  const { dx } = dropoutBackward(dout, cache);
  return { out, dx };
};

export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your backward agrees with your forward (train mode)',
  seed: 51,
  inputs: (g) => ({ x: g.randn([3, 4]), u: g.uniform([3, 4]), p: 0.4 }),
  wrt: { x: 'dx' },
  forward: ({ dropoutForward }, { x, u, p }) => {
    const { out, cache } = dropoutForward(x, { p, mode: 'train', u });
    return { out, state: cache };
  },
  backward: ({ dropoutBackward }, dout, state) => dropoutBackward(dout, state),
};

// Uniform samples in [0, 1) with about one in ten set to p exactly: a unit with u = p is kept.
// Every train case has such ties, so the u > p mistake is told apart wherever train mode runs.
function samples(g: InputGenerator, shape: number[], p: number): NDArray {
  return np.where(g.uniform(shape).less(0.1), p, g.uniform(shape));
}

function trainCase(g: InputGenerator, shape: number[], p: number, scale = 1) {
  return {
    x: g.randn(shape, { scale }),
    dropoutParam: { p, mode: 'train', u: samples(g, shape, p) },
    dout: g.randn(shape),
  };
}

function testCase(g: InputGenerator, shape: number[], p: number) {
  return {
    x: g.randn(shape),
    dropoutParam: { p, mode: 'test', u: g.uniform(shape) },
    dout: g.randn(shape),
  };
}

const spec: ExerciseSpec<Fns> = {
  functions: ['dropoutForward', 'dropoutBackward'],
  run,
  outputs: {
    out: { label: 'dropoutForward: out' },
    dx: { label: 'dropoutBackward: dx' },
  },
  cases: [
    {
      name: 'train mode, p = 0.5',
      visibility: 'public',
      points: 2,
      seed: 301,
      inputs: (g) => trainCase(g, [4, 6], 0.5),
    },
    {
      name: 'test mode, p = 0.3',
      visibility: 'public',
      points: 2,
      seed: 302,
      inputs: (g) => testCase(g, [3, 5], 0.3),
    },
    {
      name: 'train mode, input of rank 4, p = 0.25',
      visibility: 'hidden',
      points: 2,
      seed: 303,
      inputs: (g) => trainCase(g, [2, 3, 4, 4], 0.25),
    },
    {
      name: 'train mode, high drop probability p = 0.9',
      visibility: 'hidden',
      points: 2,
      seed: 304,
      inputs: (g) => trainCase(g, [5, 8], 0.9, 10),
    },
    {
      name: 'test mode, input of rank 3, p = 0.6',
      visibility: 'hidden',
      points: 2,
      seed: 305,
      inputs: (g) => testCase(g, [2, 4, 3], 0.6),
    },
    {
      name: 'train mode, p = 0: nothing is dropped',
      visibility: 'hidden',
      points: 2,
      seed: 306,
      inputs: (g) => trainCase(g, [4, 4], 0),
    },
  ],
  gradcheck,
};

export default spec;
