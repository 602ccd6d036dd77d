import type { ExerciseSpec, GradientSelfCheck } from '@gradlab/content';

// softmaxLoss(scores, y) -> { loss: number, dscores }, y an int32 array of labels.
type Fns = 'softmaxLoss';

export const run: ExerciseSpec<Fns>['run'] = ({ softmaxLoss }, { scores, y }) => {
  const { loss, dscores } = softmaxLoss(scores, y);
  return { loss, dscores };
};

// The self-check sees the loss as a one-element array, so that its own dscores can be checked.
export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your dscores agrees with your loss',
  seed: 31,
  inputs: (g) => ({ scores: g.randn([3, 4]), y: g.randint([3], 0, 4) }),
  wrt: { scores: 'dscores' },
  forward: ({ softmaxLoss }, { scores, y }) => ({
    out: np.array([softmaxLoss(scores, y).loss as number]),
    state: { scores, y },
  }),
  backward: ({ softmaxLoss }, dout, state) => {
    const { scores, y } = state as { scores: NDArray; y: NDArray };
    const { dscores } = softmaxLoss(scores, y) as { dscores: NDArray };
    return { dscores: dscores.multiply(dout.item()) };
  },
};

const spec: ExerciseSpec<Fns> = {
  functions: ['softmaxLoss'],
  run,
  outputs: {
    loss: { label: 'softmaxLoss: loss' },
    dscores: { label: 'softmaxLoss: dscores' },
  },
  cases: [
    {
      name: 'four examples, three classes',
      visibility: 'public',
      points: 2,
      seed: 41,
      inputs: (g) => ({ scores: g.randn([4, 3]), y: g.randint([4], 0, 3) }),
    },
    {
      name: 'five examples, ten classes',
      visibility: 'public',
      points: 2,
      seed: 42,
      inputs: (g) => ({ scores: g.randn([5, 10], { scale: 2 }), y: g.randint([5], 0, 10) }),
    },
    {
      name: 'scores in the thousands',
      visibility: 'hidden',
      points: 2,
      seed: 43,
      inputs: (g) => ({ scores: g.randn([6, 4], { scale: 1e3 }), y: g.randint([6], 0, 4) }),
    },
    {
      name: 'one example',
      visibility: 'hidden',
      points: 2,
      seed: 44,
      inputs: (g) => ({ scores: g.randn([1, 5]), y: g.randint([1], 0, 5) }),
    },
    {
      name: 'many classes, uneven scores',
      visibility: 'hidden',
      points: 2,
      seed: 45,
      inputs: (g) => ({ scores: g.randn([8, 50], { scale: 5, shift: 3 }), y: g.randint([8], 0, 50) }),
    },
  ],
  gradcheck,
};

export default spec;
