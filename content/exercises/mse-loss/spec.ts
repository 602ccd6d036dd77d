import type { ExerciseSpec, GradientSelfCheck } from '@gradlab/content';

// mseLoss(pred, target) -> { loss: number, dpred }, with the 1/2 and the mean over N.
type Fns = 'mseLoss';

export const run: ExerciseSpec<Fns>['run'] = ({ mseLoss }, { pred, target }) => {
  const { loss, dpred } = mseLoss(pred, target);
  return { loss, dpred };
};

export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your dpred agrees with your loss',
  seed: 71,
  inputs: (g) => ({ pred: g.randn([3, 2]), target: g.randn([3, 2]) }),
  wrt: { pred: 'dpred' },
  forward: ({ mseLoss }, { pred, target }) => ({
    out: np.array([mseLoss(pred, target).loss as number]),
    state: { pred, target },
  }),
  backward: ({ mseLoss }, dout, state) => {
    const { pred, target } = state as { pred: NDArray; target: NDArray };
    const { dpred } = mseLoss(pred, target) as { dpred: NDArray };
    return { dpred: dpred.multiply(dout.item()) };
  },
};

const spec: ExerciseSpec<Fns> = {
  functions: ['mseLoss'],
  run,
  outputs: {
    loss: { label: 'mseLoss: loss' },
    dpred: { label: 'mseLoss: dpred' },
  },
  cases: [
    {
      name: 'four examples, three outputs',
      visibility: 'public',
      points: 2,
      seed: 72,
      inputs: (g) => ({ pred: g.randn([4, 3]), target: g.randn([4, 3]) }),
    },
    {
      name: 'one output per example',
      visibility: 'public',
      points: 2,
      seed: 73,
      inputs: (g) => ({ pred: g.randn([5, 1]), target: g.randn([5, 1]) }),
    },
    {
      name: 'a single example',
      visibility: 'hidden',
      points: 2,
      seed: 74,
      inputs: (g) => ({ pred: g.randn([1, 4]), target: g.randn([1, 4]) }),
    },
    {
      name: 'a perfect prediction',
      visibility: 'hidden',
      points: 2,
      seed: 75,
      inputs: (g) => {
        const target = g.randn([3, 3]);
        return { pred: target.copy(), target };
      },
    },
    {
      name: 'large values and a wide output',
      visibility: 'hidden',
      points: 2,
      seed: 76,
      inputs: (g) => ({ pred: g.randn([6, 20], { scale: 100 }), target: g.randn([6, 20], { scale: 100 }) }),
    },
  ],
  gradcheck,
};

export default spec;
