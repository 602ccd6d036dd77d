import type { ExerciseSpec, GradientSelfCheck } from '@gradlab/content';

// attentionForward(q, k, v, mask) -> { out, cache }; attentionBackward(dout, cache) -> { dq, dk, dv }.
type Fns = 'attentionForward' | 'attentionBackward';

export const run: ExerciseSpec<Fns>['run'] = (
  { attentionForward, attentionBackward },
  { q, k, v, mask, dout },
) => {
  const { out, cache } = attentionForward(q, k, v, mask);
  const { dq, dk, dv } = attentionBackward(dout, cache);
  return { out, dq, dk, dv };
};

export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your backward agrees with your forward',
  seed: 121,
  inputs: (g) => ({ q: g.randn([1, 2, 3]), k: g.randn([1, 3, 3]), v: g.randn([1, 3, 2]) }),
  wrt: { q: 'dq', k: 'dk', v: 'dv' },
  forward: ({ attentionForward }, { q, k, v }) => {
    const { out, cache } = attentionForward(q, k, v, null);
    return { out, state: cache };
  },
  backward: ({ attentionBackward }, dout, state) => attentionBackward(dout, state),
};

/** 1 where query i may attend key j (j <= i), for every batch element. */
const causal = (n: number, t: number) =>
  np
    .array(Array.from({ length: n * t * t }, (_, x) => (x % t <= Math.floor(x / t) % t ? 1 : 0)))
    .reshape([n, t, t]);

const spec: ExerciseSpec<Fns> = {
  functions: ['attentionForward', 'attentionBackward'],
  run,
  outputs: {
    out: { label: 'attentionForward: out' },
    dq: { label: 'attentionBackward: dq', rtol: 1e-6 },
    dk: { label: 'attentionBackward: dk', rtol: 1e-6 },
    dv: { label: 'attentionBackward: dv' },
  },
  cases: [
    {
      name: 'two sequences, no mask',
      visibility: 'public',
      points: 2,
      seed: 122,
      inputs: (g) => ({
        q: g.randn([2, 3, 4]),
        k: g.randn([2, 3, 4]),
        v: g.randn([2, 3, 2]),
        mask: null,
        dout: g.randn([2, 3, 2]),
      }),
    },
    {
      name: 'one sequence, a mask with gaps',
      visibility: 'public',
      points: 2,
      seed: 123,
      inputs: (g) => ({
        q: g.randn([1, 2, 3]),
        k: g.randn([1, 4, 3]),
        v: g.randn([1, 4, 3]),
        mask: np.array([
          [
            [1, 0, 1, 1],
            [0, 1, 1, 0],
          ],
        ]),
        dout: g.randn([1, 2, 3]),
      }),
    },
    {
      name: 'a causal mask over four steps',
      visibility: 'hidden',
      points: 2,
      seed: 124,
      inputs: (g) => ({
        q: g.randn([2, 4, 3]),
        k: g.randn([2, 4, 3]),
        v: g.randn([2, 4, 2]),
        mask: causal(2, 4),
        dout: g.randn([2, 4, 2]),
      }),
    },
    {
      name: 'large scores',
      visibility: 'hidden',
      points: 2,
      seed: 125,
      inputs: (g) => ({
        q: g.randn([1, 3, 4], { scale: 30 }),
        k: g.randn([1, 3, 4], { scale: 30 }),
        v: g.randn([1, 3, 2]),
        mask: null,
        dout: g.randn([1, 3, 2]),
      }),
    },
    {
      name: 'more keys than queries',
      visibility: 'hidden',
      points: 2,
      seed: 126,
      inputs: (g) => ({
        q: g.randn([1, 2, 5]),
        k: g.randn([1, 6, 5]),
        v: g.randn([1, 6, 3]),
        mask: null,
        dout: g.randn([1, 2, 3]),
      }),
    },
  ],
  gradcheck,
};

export default spec;
