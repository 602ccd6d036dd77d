import type { ExerciseSpec, GradientSelfCheck } from '@gradlab/content';

// affineForward/affineBackward, CS231n convention with camelCase names. Inputs are generated
// from each case's seed; the reference outputs come from solution.ts on the server.
// The scenario and the gradient self-check are named exports: the browser's Run bundles only
// these two (never the cases below, whose hidden ones stay on the server).
type Fns = 'affineForward' | 'affineBackward';

export const run: ExerciseSpec<Fns>['run'] = ({ affineForward, affineBackward }, { x, w, b, dout }) => {
  const { out, cache } = affineForward(x, w, b);
  const { dx, dw, db } = affineBackward(dout, cache);
  return { out, dx, dw, db };
};

export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your backward agrees with your forward',
  seed: 21,
  inputs: (g) => ({ x: g.randn([2, 3, 2]), w: g.randn([6, 4]), b: g.randn([4]) }),
  wrt: { x: 'dx', w: 'dw', b: 'db' },
  forward: ({ affineForward }, { x, w, b }) => {
    const { out, cache } = affineForward(x, w, b);
    return { out, state: cache };
  },
  backward: ({ affineBackward }, dout, state) => affineBackward(dout, state),
};

const spec: ExerciseSpec<Fns> = {
  functions: ['affineForward', 'affineBackward'],
  // Learners implement the layer from array operations; einsum would hide the matrix calculus.
  forbidden: ['einsum'],
  run,
  outputs: {
    out: { label: 'affineForward: out' },
    dx: { label: 'affineBackward: dx' },
    dw: { label: 'affineBackward: dw' },
    db: { label: 'affineBackward: db' },
  },
  cases: [
    {
      name: '2-D input, small batch',
      visibility: 'public',
      points: 2,
      seed: 11,
      inputs: (g) => ({ x: g.randn([2, 4]), w: g.randn([4, 3]), b: g.randn([3]), dout: g.randn([2, 3]) }),
    },
    {
      name: 'input of rank 4 (N, C, H, W)',
      visibility: 'public',
      points: 2,
      seed: 12,
      inputs: (g) => ({
        x: g.randn([3, 2, 2, 3]),
        w: g.randn([12, 5]),
        b: g.randn([5]),
        dout: g.randn([3, 5]),
      }),
    },
    {
      name: 'batch of one',
      visibility: 'hidden',
      points: 2,
      seed: 13,
      inputs: (g) => ({ x: g.randn([1, 6]), w: g.randn([6, 4]), b: g.randn([4]), dout: g.randn([1, 4]) }),
    },
    {
      name: 'large and small magnitudes',
      visibility: 'hidden',
      points: 2,
      seed: 14,
      inputs: (g) => ({
        x: g.randn([4, 3, 5], { scale: 1e3 }),
        w: g.randn([15, 2], { scale: 1e-3 }),
        b: g.randn([2], { scale: 10 }),
        dout: g.randn([4, 2], { scale: 1e-2 }),
      }),
    },
    {
      name: 'wide layer, rank 3 input',
      visibility: 'hidden',
      points: 2,
      seed: 15,
      inputs: (g) => ({
        x: g.randn([8, 4, 4]),
        w: g.randn([16, 32]),
        b: g.randn([32]),
        dout: g.randn([8, 32]),
      }),
    },
  ],
  gradcheck,
};

export default spec;
