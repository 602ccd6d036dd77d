import type { ExerciseSpec, GradientSelfCheck, InputGenerator } from '@gradlab/content';

// im2col / col2im and the convolutional layer as one matrix product each way (CS231n's
// conv_forward_fast with im2col). Weights (F, C, HH, WW), zero padding on all four sides,
// cross-correlation; cols rows ordered (c, a, b'), columns (n, i, j). The scenario calls the four
// functions: im2col on x, col2im on an independent dcols, then the layer forward and backward.
// The scenario and the gradient self-check are named exports: the browser's Run bundles only
// these two (never the cases below, whose hidden ones stay on the server).
type Fns = 'im2col' | 'col2im' | 'convForwardFast' | 'convBackwardFast';

export const run: ExerciseSpec<Fns>['run'] = (
  { im2col, col2im, convForwardFast, convBackwardFast },
  { x, w, b, convParam, dout, dcols },
) => {
  const [, , hh, ww] = (w as NDArray).shape;
  const cols = im2col(x, hh, ww, convParam);
  const dxCols = col2im(dcols, [...(x as NDArray).shape], hh, ww, convParam);
  const { out, cache } = convForwardFast(x, w, b, convParam);
  const { dx, dw, db } = convBackwardFast(dout, cache);
  return { cols, dxCols, out, dx, dw, db };
};

export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your backward agrees with your forward',
  seed: 61,
  inputs: (g) => ({
    x: g.randn([2, 2, 4, 3]),
    w: g.randn([2, 2, 3, 2]),
    b: g.randn([2]),
    convParam: { stride: 1, pad: 1 },
  }),
  wrt: { x: 'dx', w: 'dw', b: 'db' },
  forward: ({ convForwardFast }, { x, w, b, convParam }) => {
    const { out, cache } = convForwardFast(x, w, b, convParam);
    return { out, state: cache };
  },
  backward: ({ convBackwardFast }, dout, state) => convBackwardFast(dout, state),
};

/**
 * A case's inputs: random x (N, C, H, W), w (F, C, HH, WW), b (F,), dout of the output's shape
 * and dcols (C*HH*WW, N*H'*W'), an upstream gradient for col2im on its own.
 */
function conv(
  g: InputGenerator,
  [n, c, h, wd]: [number, number, number, number],
  [f, hh, ww]: [number, number, number],
  stride: number,
  pad: number,
) {
  const hOut = 1 + (h + 2 * pad - hh) / stride;
  const wOut = 1 + (wd + 2 * pad - ww) / stride;
  if (!Number.isInteger(hOut) || !Number.isInteger(wOut)) throw new Error('the windows must tile the input');
  return {
    x: g.randn([n, c, h, wd]),
    w: g.randn([f, c, hh, ww]),
    b: g.randn([f]),
    convParam: { stride, pad },
    dout: g.randn([n, f, hOut, wOut]),
    dcols: g.randn([c * hh * ww, n * hOut * wOut]),
  };
}

const spec: ExerciseSpec<Fns> = {
  functions: ['im2col', 'col2im', 'convForwardFast', 'convBackwardFast'],
  run,
  // Every output is a sum of at most C*HH*WW (or N*H'*W') products of O(1) numbers: any correct
  // float64 summation order agrees to about 1e-13, and every known mistake moves values by O(1).
  outputs: {
    cols: { label: 'im2col: cols' },
    dxCols: { label: 'col2im: dx' },
    out: { label: 'convForwardFast: out' },
    dx: { label: 'convBackwardFast: dx' },
    dw: { label: 'convBackwardFast: dw' },
    db: { label: 'convBackwardFast: db' },
  },
  cases: [
    {
      name: '3 x 3 filters, stride 1, pad 1 (overlapping windows)',
      visibility: 'public',
      points: 2,
      seed: 301,
      inputs: (g) => conv(g, [2, 3, 4, 4], [2, 3, 3], 1, 1),
    },
    {
      name: '2 x 2 filters, stride 2, no padding (windows side by side)',
      visibility: 'public',
      points: 2,
      seed: 302,
      inputs: (g) => conv(g, [2, 2, 4, 4], [3, 2, 2], 2, 0),
    },
    {
      name: 'odd sizes, stride 2 and pad 1',
      visibility: 'hidden',
      points: 2,
      seed: 303,
      inputs: (g) => conv(g, [2, 2, 5, 7], [2, 3, 3], 2, 1),
    },
    {
      name: 'non-square filters',
      visibility: 'hidden',
      points: 2,
      seed: 304,
      inputs: (g) => conv(g, [2, 2, 4, 5], [2, 3, 2], 1, 1),
    },
    {
      name: 'batch of one',
      visibility: 'hidden',
      points: 2,
      seed: 305,
      inputs: (g) => conv(g, [1, 3, 5, 5], [2, 3, 3], 2, 1),
    },
    {
      name: 'several channels and filters',
      visibility: 'hidden',
      points: 2,
      seed: 306,
      inputs: (g) => conv(g, [2, 3, 3, 5], [5, 3, 3], 1, 1),
    },
    {
      name: '1 x 1 filters with stride 2',
      visibility: 'hidden',
      points: 2,
      seed: 307,
      inputs: (g) => conv(g, [2, 3, 5, 5], [4, 1, 1], 2, 0),
    },
  ],
  gradcheck,
};

export default spec;
