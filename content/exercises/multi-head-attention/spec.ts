import type { ExerciseSpec, GradientSelfCheck, InputGenerator } from '@gradlab/content';

// multiHeadAttentionForward(x, params, { numHeads, mask }) -> { out, cache } and
// multiHeadAttentionBackward(dout, cache) -> { dx, dwq, dwk, dwv, dwo }. Cases hand over the four
// weights as separate inputs; the scenario packs them into the params object the learner gets.
type Fns = 'multiHeadAttentionForward' | 'multiHeadAttentionBackward';

export const run: ExerciseSpec<Fns>['run'] = (
  { multiHeadAttentionForward, multiHeadAttentionBackward },
  { x, wq, wk, wv, wo, numHeads, mask, dout },
) => {
  const { out, cache } = multiHeadAttentionForward(x, { wq, wk, wv, wo }, { numHeads, mask });
  const { dx, dwq, dwk, dwv, dwo } = multiHeadAttentionBackward(dout, cache);
  return { out, dx, dwq, dwk, dwv, dwo };
};

// The weights are top-level inputs here so that the check can perturb them one element at a time.
export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your backward agrees with your forward',
  seed: 131,
  inputs: (g) => ({
    x: g.randn([2, 3, 4]),
    wq: g.randn([4, 4]),
    wk: g.randn([4, 4]),
    wv: g.randn([4, 4]),
    wo: g.randn([4, 4]),
  }),
  wrt: { x: 'dx', wq: 'dwq', wk: 'dwk', wv: 'dwv', wo: 'dwo' },
  forward: ({ multiHeadAttentionForward }, { x, wq, wk, wv, wo }) => {
    const { out, cache } = multiHeadAttentionForward(x, { wq, wk, wv, wo }, { numHeads: 2, mask: null });
    return { out, state: cache };
  },
  backward: ({ multiHeadAttentionBackward }, dout, state) => multiHeadAttentionBackward(dout, state),
};

/** 1 where step i may attend step j (j <= i), for every batch element. */
const causal = (n: number, t: number) =>
  np
    .array(Array.from({ length: n * t * t }, (_, x) => (x % t <= Math.floor(x / t) % t ? 1 : 0)))
    .reshape([n, t, t]);

/** A case's inputs: x (N, T, D), four (D, D) weights, dout (N, T, D). */
function mha(
  g: InputGenerator,
  [n, t, dm]: [number, number, number],
  numHeads: number,
  mask: NDArray | null,
  x: { scale?: number; shift?: number } = {},
) {
  return {
    x: g.randn([n, t, dm], x),
    wq: g.randn([dm, dm]),
    wk: g.randn([dm, dm]),
    wv: g.randn([dm, dm]),
    wo: g.randn([dm, dm]),
    numHeads,
    mask,
    dout: g.randn([n, t, dm]),
  };
}

const spec: ExerciseSpec<Fns> = {
  functions: ['multiHeadAttentionForward', 'multiHeadAttentionBackward'],
  run,
  outputs: {
    out: { label: 'multiHeadAttentionForward: out' },
    dx: { label: 'multiHeadAttentionBackward: dx' },
    // dwq and dwk come back through the softmax: on the case with scores near 800 (keys nearly
    // equal, x near 10) they are sums that largely cancel, and correct float64 solutions differ
    // by up to 2e-8 (4e-8 from an 80-bit computation); 1e-6 leaves room, every mistake is far off
    dwq: { label: 'multiHeadAttentionBackward: dwq', rtol: 1e-6 },
    dwk: { label: 'multiHeadAttentionBackward: dwk', rtol: 1e-6 },
    dwv: { label: 'multiHeadAttentionBackward: dwv' },
    dwo: { label: 'multiHeadAttentionBackward: dwo' },
  },
  cases: [
    {
      name: 'one head, two sequences',
      visibility: 'public',
      points: 2,
      seed: 132,
      inputs: (g) => mha(g, [2, 3, 4], 1, null),
    },
    {
      name: 'two heads, two sequences',
      visibility: 'public',
      points: 2,
      seed: 133,
      inputs: (g) => mha(g, [2, 3, 4], 2, null),
    },
    {
      name: 'two heads, the last step of the second sequence is padding',
      visibility: 'public',
      points: 2,
      seed: 134,
      inputs: (g) =>
        mha(
          g,
          [2, 3, 4],
          2,
          np.array([
            [
              [1, 1, 1],
              [1, 1, 1],
              [1, 1, 1],
            ],
            [
              [1, 1, 0],
              [1, 1, 0],
              [1, 1, 0],
            ],
          ]),
        ),
    },
    {
      name: 'three heads under a lower-triangular mask',
      visibility: 'hidden',
      points: 2,
      seed: 135,
      inputs: (g) => mha(g, [2, 4, 6], 3, causal(2, 4)),
    },
    {
      name: 'inputs near ten, scores past the range of exp',
      visibility: 'hidden',
      points: 2,
      seed: 136,
      inputs: (g) => {
        // x = 10 + multiples of 1/128, integer weights and heads of width 4 (sqrt(d) = 2): every
        // score is exact in float64 whatever the order of operations. One head's scores are about
        // 800 (exp overflows to Infinity without the row max), each row spread over less than 10,
        // so the softmax is not saturated and its gradients stay meaningful.
        const int = (shape: number[], low: number, high: number) =>
          g.randint(shape, low, high).astype('float64');
        return {
          x: int([2, 3, 8], -4, 5).divide(128).add(10),
          wq: int([8, 8], -2, 3),
          wk: int([8, 8], -2, 3),
          wv: int([8, 8], -2, 3),
          wo: int([8, 8], -2, 3),
          numHeads: 2,
          mask: null,
          dout: g.randn([2, 3, 8]),
        };
      },
    },
    {
      name: 'a lone sequence of five steps, heads of width one',
      visibility: 'hidden',
      points: 2,
      seed: 137,
      inputs: (g) => mha(g, [1, 5, 3], 3, null),
    },
  ],
  gradcheck,
};

export default spec;
