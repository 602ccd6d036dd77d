import type { ExerciseSpec, GradientSelfCheck } from '@gradlab/content';

// lstmStepForward(x, prevH, prevC, Wx, Wh, b) -> { nextH, nextC, cache };
// lstmStepBackward(dnextH, dnextC, cache) -> { dx, dprevH, dprevC, dWx, dWh, db }.
type Fns = 'lstmStepForward' | 'lstmStepBackward';

export const run: ExerciseSpec<Fns>['run'] = (
  { lstmStepForward, lstmStepBackward },
  { x, prevH, prevC, Wx, Wh, b, dnextH, dnextC },
) => {
  const { nextH, nextC, cache } = lstmStepForward(x, prevH, prevC, Wx, Wh, b);
  const grads = lstmStepBackward(dnextH, dnextC, cache);
  return { nextH, nextC, ...grads };
};

export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your backward agrees with your forward (through nextH)',
  seed: 141,
  inputs: (g) => ({
    x: g.randn([2, 3]),
    prevH: g.randn([2, 2]),
    prevC: g.randn([2, 2]),
    Wx: g.randn([3, 8], { scale: 0.5 }),
    Wh: g.randn([2, 8], { scale: 0.5 }),
    b: g.randn([8]),
  }),
  wrt: { x: 'dx', prevH: 'dprevH', prevC: 'dprevC', Wx: 'dWx', Wh: 'dWh', b: 'db' },
  forward: ({ lstmStepForward }, { x, prevH, prevC, Wx, Wh, b }) => {
    const { nextH, cache } = lstmStepForward(x, prevH, prevC, Wx, Wh, b);
    return { out: nextH, state: cache };
  },
  backward: ({ lstmStepBackward }, dout, state) =>
    lstmStepBackward(dout, np.zerosLike((state as { prevC: NDArray }).prevC), state),
};

type Gen = { randn(shape: number[], options?: { scale?: number }): NDArray };
const sizes = (g: Gen, n: number, d: number, h: number, scale = 0.5) => ({
  x: g.randn([n, d]),
  prevH: g.randn([n, h]),
  prevC: g.randn([n, h]),
  Wx: g.randn([d, 4 * h], { scale }),
  Wh: g.randn([h, 4 * h], { scale }),
  b: g.randn([4 * h]),
  dnextH: g.randn([n, h]),
  dnextC: g.randn([n, h]),
});

const spec: ExerciseSpec<Fns> = {
  functions: ['lstmStepForward', 'lstmStepBackward'],
  run,
  outputs: {
    nextH: { label: 'lstmStepForward: nextH' },
    nextC: { label: 'lstmStepForward: nextC' },
    dx: { label: 'lstmStepBackward: dx', rtol: 1e-6 },
    dprevH: { label: 'lstmStepBackward: dprevH', rtol: 1e-6 },
    dprevC: { label: 'lstmStepBackward: dprevC' },
    dWx: { label: 'lstmStepBackward: dWx', rtol: 1e-6 },
    dWh: { label: 'lstmStepBackward: dWh', rtol: 1e-6 },
    db: { label: 'lstmStepBackward: db', rtol: 1e-6 },
  },
  cases: [
    {
      name: 'three examples, hidden size 2',
      visibility: 'public',
      points: 2,
      seed: 142,
      inputs: (g) => sizes(g, 3, 4, 2),
    },
    {
      name: 'one example, hidden size 3',
      visibility: 'public',
      points: 2,
      seed: 143,
      inputs: (g) => sizes(g, 1, 2, 3),
    },
    {
      name: 'saturated gates',
      visibility: 'hidden',
      points: 2,
      seed: 144,
      inputs: (g) => sizes(g, 2, 3, 2, 2),
    },
    {
      name: 'wide hidden state',
      visibility: 'hidden',
      points: 2,
      seed: 145,
      inputs: (g) => sizes(g, 2, 3, 6),
    },
    { name: 'a larger batch', visibility: 'hidden', points: 2, seed: 146, inputs: (g) => sizes(g, 5, 2, 2) },
  ],
  gradcheck,
};

export default spec;
