import type { ExerciseSpec, GradientSelfCheck } from '@gradlab/content';

// rnnForward(x, h0, Wx, Wh, b) -> { h, cache }; rnnBackward(dh, cache) -> { dx, dh0, dWx, dWh, db }.
type Fns = 'rnnForward' | 'rnnBackward';

export const run: ExerciseSpec<Fns>['run'] = ({ rnnForward, rnnBackward }, { x, h0, Wx, Wh, b, dh }) => {
  const { h, cache } = rnnForward(x, h0, Wx, Wh, b);
  const { dx, dh0, dWx, dWh, db } = rnnBackward(dh, cache);
  return { h, dx, dh0, dWx, dWh, db };
};

export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your backward agrees with your forward',
  seed: 131,
  inputs: (g) => ({
    x: g.randn([2, 3, 2]),
    h0: g.randn([2, 3]),
    Wx: g.randn([2, 3], { scale: 0.5 }),
    Wh: g.randn([3, 3], { scale: 0.5 }),
    b: g.randn([3]),
  }),
  wrt: { x: 'dx', h0: 'dh0', Wx: 'dWx', Wh: 'dWh', b: 'db' },
  forward: ({ rnnForward }, { x, h0, Wx, Wh, b }) => {
    const { h, cache } = rnnForward(x, h0, Wx, Wh, b);
    return { out: h, state: cache };
  },
  backward: ({ rnnBackward }, dout, state) => rnnBackward(dout, state),
};

type Gen = { randn(shape: number[], options?: { scale?: number }): NDArray };
const sizes = (g: Gen, n: number, t: number, d: number, h: number, scale = 0.5) => ({
  x: g.randn([n, t, d]),
  h0: g.randn([n, h]),
  Wx: g.randn([d, h], { scale }),
  Wh: g.randn([h, h], { scale }),
  b: g.randn([h]),
  dh: g.randn([n, t, h]),
});

const spec: ExerciseSpec<Fns> = {
  functions: ['rnnForward', 'rnnBackward'],
  run,
  outputs: {
    h: { label: 'rnnForward: h' },
    dx: { label: 'rnnBackward: dx', rtol: 1e-6 },
    dh0: { label: 'rnnBackward: dh0', rtol: 1e-6 },
    dWx: { label: 'rnnBackward: dWx', rtol: 1e-6 },
    dWh: { label: 'rnnBackward: dWh', rtol: 1e-6 },
    db: { label: 'rnnBackward: db', rtol: 1e-6 },
  },
  cases: [
    {
      name: 'two sequences of three steps',
      visibility: 'public',
      points: 2,
      seed: 132,
      inputs: (g) => sizes(g, 2, 3, 4, 3),
    },
    { name: 'one step', visibility: 'public', points: 2, seed: 133, inputs: (g) => sizes(g, 3, 1, 2, 4) },
    {
      name: 'a long sequence',
      visibility: 'hidden',
      points: 2,
      seed: 134,
      inputs: (g) => sizes(g, 1, 8, 3, 3),
    },
    {
      name: 'a batch of one, large weights',
      visibility: 'hidden',
      points: 2,
      seed: 135,
      inputs: (g) => sizes(g, 1, 4, 2, 2, 1.5),
    },
    {
      name: 'wide hidden state',
      visibility: 'hidden',
      points: 2,
      seed: 136,
      inputs: (g) => sizes(g, 2, 3, 3, 8),
    },
  ],
  gradcheck,
};

export default spec;
