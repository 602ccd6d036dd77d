import type { ExerciseSpec, GradientSelfCheck, InputGenerator } from '@gradlab/content';

// maxPoolForwardNaive/maxPoolBackwardNaive, CS231n's max_pool_forward_naive in camelCase.
// Inputs come from each case's seed; the reference outputs come from solution.ts on the server.
// The scenario and the gradient self-check are named exports: the browser's Run bundles only
// these two (never the cases below, whose hidden ones stay on the server).
type Fns = 'maxPoolForwardNaive' | 'maxPoolBackwardNaive';

export const run: ExerciseSpec<Fns>['run'] = (
  { maxPoolForwardNaive, maxPoolBackwardNaive },
  { x, poolParam, dout },
) => {
  const { out, cache } = maxPoolForwardNaive(x, poolParam);
  const { dx } = maxPoolBackwardNaive(dout, cache);
  return { out, dx };
};

export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your backward agrees with your forward',
  seed: 41,
  inputs: (g) => ({ x: g.randn([1, 2, 5, 5]), poolParam: { poolHeight: 3, poolWidth: 3, stride: 2 } }),
  wrt: { x: 'dx' },
  forward: ({ maxPoolForwardNaive }, { x, poolParam }) => {
    const { out, cache } = maxPoolForwardNaive(x, poolParam);
    return { out, state: cache };
  },
  backward: ({ maxPoolBackwardNaive }, dout, state) => maxPoolBackwardNaive(dout, state),
};

/** A case's inputs: x, the pooling parameters and an upstream gradient of the output's shape. */
function pooling(
  g: InputGenerator,
  x: NDArray,
  poolHeight: number,
  poolWidth: number,
  stride: number,
): { x: NDArray; poolParam: { poolHeight: number; poolWidth: number; stride: number }; dout: NDArray } {
  const [n = 0, c = 0, h = 0, w = 0] = x.shape;
  const hOut = 1 + Math.floor((h - poolHeight) / stride);
  const wOut = 1 + Math.floor((w - poolWidth) / stride);
  return { x, poolParam: { poolHeight, poolWidth, stride }, dout: g.randn([n, c, hOut, wOut]) };
}

/** Small integers as float64: many windows hold their maximum twice or more. */
const smallIntegers = (g: InputGenerator, shape: number[]) => g.randint(shape, 0, 3).astype('float64');

const spec: ExerciseSpec<Fns> = {
  functions: ['maxPoolForwardNaive', 'maxPoolBackwardNaive'],
  run,
  outputs: {
    out: { label: 'maxPoolForwardNaive: out' },
    dx: { label: 'maxPoolBackwardNaive: dx' },
  },
  cases: [
    {
      name: '2 x 2 windows, stride 2',
      visibility: 'public',
      points: 2,
      seed: 101,
      inputs: (g) => pooling(g, g.randn([2, 3, 4, 4]), 2, 2, 2),
    },
    {
      name: '3 x 3 windows, stride 3, rectangular input',
      visibility: 'public',
      points: 2,
      seed: 102,
      inputs: (g) => pooling(g, g.randn([2, 2, 6, 9]), 3, 3, 3),
    },
    {
      name: 'overlapping windows (stride smaller than the window)',
      visibility: 'hidden',
      points: 2,
      seed: 103,
      inputs: (g) => pooling(g, g.randn([2, 2, 5, 5]), 3, 3, 1),
    },
    {
      name: 'non-square windows',
      visibility: 'hidden',
      points: 2,
      seed: 104,
      inputs: (g) => pooling(g, g.randn([2, 2, 7, 6]), 3, 2, 2),
    },
    {
      name: 'stride larger than the window',
      visibility: 'hidden',
      points: 2,
      seed: 105,
      inputs: (g) => pooling(g, g.randn([2, 3, 8, 8]), 2, 2, 3),
    },
    {
      name: 'ties inside windows',
      visibility: 'hidden',
      points: 2,
      seed: 106,
      inputs: (g) =>
        pooling(
          g,
          np.array([
            [
              [
                [1, 3, 0, 0],
                [3, 2, 0, 0],
                [5, 5, 2, 4],
                [5, 5, 4, 1],
              ],
            ],
            [
              [
                [7, 1, 2, 6],
                [0, 7, 6, 6],
                [-1, -1, 8, 2],
                [-1, -2, 3, 8],
              ],
            ],
          ]),
          2,
          2,
          2,
        ),
    },
    {
      name: 'ties in overlapping windows',
      visibility: 'hidden',
      points: 2,
      seed: 107,
      inputs: (g) => pooling(g, smallIntegers(g, [2, 2, 5, 5]), 2, 2, 1),
    },
    {
      name: 'batch of one',
      visibility: 'hidden',
      points: 2,
      seed: 108,
      inputs: (g) => pooling(g, g.randn([1, 4, 6, 6]), 2, 2, 2),
    },
  ],
  gradcheck,
};

export default spec;
