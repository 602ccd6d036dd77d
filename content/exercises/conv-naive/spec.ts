import type { ExerciseSpec, GradientSelfCheck, InputGenerator } from '@gradlab/content';

// convForwardNaive/convBackwardNaive, CS231n's conv_forward_naive in camelCase: weights
// (F, C, HH, WW), zero padding on all four sides, cross-correlation (no kernel flip). Inputs
// come from each case's seed; the reference outputs come from solution.ts on the server.
// The scenario and the gradient self-check are named exports: the browser's Run bundles only
// these two (never the cases below, whose hidden ones stay on the server).
type Fns = 'convForwardNaive' | 'convBackwardNaive';

export const run: ExerciseSpec<Fns>['run'] = (
  { convForwardNaive, convBackwardNaive },
  { x, w, b, convParam, dout },
) => {
  const { out, cache } = convForwardNaive(x, w, b, convParam);
  const { dx, dw, db } = convBackwardNaive(dout, cache);
  return { out, dx, dw, db };
};

export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your backward agrees with your forward',
  seed: 51,
  inputs: (g) => ({
    x: g.randn([2, 2, 3, 3]),
    w: g.randn([2, 2, 3, 3]),
    b: g.randn([2]),
    convParam: { stride: 2, pad: 1 },
  }),
  wrt: { x: 'dx', w: 'dw', b: 'db' },
  forward: ({ convForwardNaive }, { x, w, b, convParam }) => {
    const { out, cache } = convForwardNaive(x, w, b, convParam);
    return { out, state: cache };
  },
  backward: ({ convBackwardNaive }, dout, state) => convBackwardNaive(dout, state),
};

/** A case's inputs: random x (N, C, H, W), w (F, C, HH, WW), b (F,) and dout of the output's shape. */
function conv(
  g: InputGenerator,
  [n, c, h, wd]: [number, number, number, number],
  [f, hh, ww]: [number, number, number],
  stride: number,
  pad: number,
) {
  const hOut = 1 + Math.floor((h + 2 * pad - hh) / stride);
  const wOut = 1 + Math.floor((wd + 2 * pad - ww) / stride);
  return {
    x: g.randn([n, c, h, wd]),
    w: g.randn([f, c, hh, ww]),
    b: g.randn([f]),
    convParam: { stride, pad },
    dout: g.randn([n, f, hOut, wOut]),
  };
}

const spec: ExerciseSpec<Fns> = {
  functions: ['convForwardNaive', 'convBackwardNaive'],
  run,
  outputs: {
    out: { label: 'convForwardNaive: out' },
    dx: { label: 'convBackwardNaive: dx' },
    dw: { label: 'convBackwardNaive: dw' },
    db: { label: 'convBackwardNaive: db' },
  },
  cases: [
    {
      name: '3 x 3 filters, stride 1, pad 1',
      visibility: 'public',
      points: 2,
      seed: 201,
      inputs: (g) => conv(g, [2, 3, 4, 4], [3, 3, 3], 1, 1),
    },
    {
      name: '3 x 3 filters, stride 2, pad 1',
      visibility: 'public',
      points: 2,
      seed: 202,
      inputs: (g) => conv(g, [2, 2, 5, 5], [2, 3, 3], 2, 1),
    },
    {
      name: 'odd, non-square images, pad 2 and stride 2',
      visibility: 'hidden',
      points: 2,
      seed: 203,
      inputs: (g) => conv(g, [2, 2, 3, 5], [2, 3, 3], 2, 2),
    },
    {
      name: 'stride 2 without padding',
      visibility: 'hidden',
      points: 2,
      seed: 204,
      inputs: (g) => conv(g, [2, 3, 7, 9], [2, 3, 3], 2, 0),
    },
    {
      name: 'batch of one',
      visibility: 'hidden',
      points: 2,
      seed: 205,
      inputs: (g) => conv(g, [1, 3, 4, 4], [3, 3, 3], 1, 1),
    },
    {
      name: 'non-square kernel',
      visibility: 'hidden',
      points: 2,
      seed: 206,
      inputs: (g) => conv(g, [2, 2, 4, 3], [3, 3, 2], 1, 1),
    },
    {
      name: 'several filters',
      visibility: 'hidden',
      points: 2,
      seed: 207,
      inputs: (g) => conv(g, [2, 3, 3, 3], [8, 3, 3], 1, 1),
    },
  ],
  gradcheck,
};

export default spec;
