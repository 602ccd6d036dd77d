import type { ExerciseSpec } from '@gradlab/content';

// sinusoidalEncoding(T, d) and addPositionalEncoding(x, pe). The addition gets a random stand-in
// table of L >= T rows (not the learner's own encoding), so each function is graded on its own.
// Sines and cosines of angles up to T are computed to about 1e-15: the default rtol 1e-7.
type Fns = 'sinusoidalEncoding' | 'addPositionalEncoding';

export const run: ExerciseSpec<Fns>['run'] = ({ sinusoidalEncoding, addPositionalEncoding }, inputs) => {
  const { pe } = sinusoidalEncoding(inputs.T, inputs.d);
  const { out } = addPositionalEncoding(inputs.x, inputs.table);
  return { pe, out };
};

const spec: ExerciseSpec<Fns> = {
  functions: ['sinusoidalEncoding', 'addPositionalEncoding'],
  run,
  outputs: {
    pe: { label: 'sinusoidalEncoding: pe' },
    out: { label: 'addPositionalEncoding: out' },
  },
  cases: [
    {
      name: 'T = 4, d = 4 (the lecture example)',
      visibility: 'public',
      points: 2,
      seed: 61,
      inputs: (g) => ({ T: 4, d: 4, x: g.randn([2, 4, 4]), table: g.randn([4, 4]) }),
    },
    {
      name: 'T = 6, d = 6, a table longer than the sequence',
      visibility: 'public',
      points: 2,
      seed: 62,
      inputs: (g) => ({ T: 6, d: 6, x: g.randn([1, 6, 6]), table: g.randn([8, 6]) }),
    },
    {
      name: 'odd d',
      visibility: 'hidden',
      points: 2,
      seed: 63,
      inputs: (g) => ({ T: 5, d: 5, x: g.randn([2, 5, 5]), table: g.randn([7, 5]) }),
    },
    {
      name: 'a single position',
      visibility: 'hidden',
      points: 2,
      seed: 64,
      inputs: (g) => ({ T: 1, d: 8, x: g.randn([3, 1, 8]), table: g.randn([4, 8]) }),
    },
    {
      name: 'long sequence, d = 16',
      visibility: 'hidden',
      points: 2,
      seed: 65,
      inputs: (g) => ({ T: 50, d: 16, x: g.randn([1, 50, 16]), table: g.randn([50, 16]) }),
    },
  ],
};

export default spec;
