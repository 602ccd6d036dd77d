import type { ExerciseSpec, GradientSelfCheck } from '@gradlab/content';

// bceLoss(logits, y) -> { loss: number, dlogits }, y of 0s and 1s.
type Fns = 'bceLoss';

export const run: ExerciseSpec<Fns>['run'] = ({ bceLoss }, { logits, y }) => {
  const { loss, dlogits } = bceLoss(logits, y);
  return { loss, dlogits };
};

export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your dlogits agrees with your loss',
  seed: 101,
  inputs: (g) => ({ logits: g.randn([5]), y: g.randint([5], 0, 2).astype('float64') }),
  wrt: { logits: 'dlogits' },
  forward: ({ bceLoss }, { logits, y }) => ({
    out: np.array([bceLoss(logits, y).loss as number]),
    state: { logits, y },
  }),
  backward: ({ bceLoss }, dout, state) => {
    const { logits, y } = state as { logits: NDArray; y: NDArray };
    const { dlogits } = bceLoss(logits, y) as { dlogits: NDArray };
    return { dlogits: dlogits.multiply(dout.item()) };
  },
};

const labels = (g: { randint(shape: number[], low: number, high: number): NDArray }, n: number) =>
  g.randint([n], 0, 2).astype('float64');

const spec: ExerciseSpec<Fns> = {
  functions: ['bceLoss'],
  run,
  outputs: {
    loss: { label: 'bceLoss: loss' },
    dlogits: { label: 'bceLoss: dlogits' },
  },
  cases: [
    {
      name: 'six examples',
      visibility: 'public',
      points: 2,
      seed: 102,
      inputs: (g) => ({ logits: g.randn([6]), y: labels(g, 6) }),
    },
    {
      name: 'confident logits',
      visibility: 'public',
      points: 2,
      seed: 103,
      inputs: () => ({ logits: np.array([4, -3, 2.5, -5]), y: np.array([1, 0, 0, 1]) }),
    },
    {
      name: 'logits beyond the range of exp',
      visibility: 'hidden',
      points: 2,
      seed: 104,
      inputs: () => ({ logits: np.array([800, -800, 40, -40, 0]), y: np.array([0, 1, 1, 0, 1]) }),
    },
    {
      name: 'one example',
      visibility: 'hidden',
      points: 2,
      seed: 105,
      inputs: (g) => ({ logits: g.randn([1]), y: labels(g, 1) }),
    },
    {
      name: 'a large batch',
      visibility: 'hidden',
      points: 2,
      seed: 106,
      inputs: (g) => ({ logits: g.randn([40], { scale: 3 }), y: labels(g, 40) }),
    },
  ],
  gradcheck,
};

export default spec;
