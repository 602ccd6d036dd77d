import type { ExerciseSpec, GradientSelfCheck } from '@gradlab/content';

// svmLoss(scores, y) -> { loss, dscores }: multiclass hinge loss, margin 1, true class left out,
// mean over the batch, a margin of exactly 0 gives no gradient. The loss is compared as a number.
// The scenario and the gradient self-check are named exports: the browser's Run bundles only
// these two (never the cases below, whose hidden ones stay on the server).
type Fns = 'svmLoss';

export const run: ExerciseSpec<Fns>['run'] = ({ svmLoss }, { scores, y }) => {
  const { loss, dscores } = svmLoss(scores, y);
  return { loss, dscores };
};

// The loss is the "forward" (as an array of one element) and dscores, scaled by the upstream
// gradient, the "backward": the check compares the learner's dscores with their own loss.
export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your dscores agrees with your loss',
  seed: 41,
  inputs: (g) => ({ scores: g.randn([4, 5]), y: g.randint([4], 0, 5) }),
  wrt: { scores: 'dscores' },
  forward: ({ svmLoss }, { scores, y }) => {
    const { loss, dscores } = svmLoss(scores, y);
    return { out: np.array([loss as number]), state: dscores };
  },
  backward: (_fns, dout, state) => ({ dscores: (state as NDArray).multiply(dout.item()) }),
};

const spec: ExerciseSpec<Fns> = {
  functions: ['svmLoss'],
  run,
  outputs: {
    loss: { label: 'svmLoss: loss' },
    dscores: { label: 'svmLoss: dscores' },
  },
  cases: [
    {
      name: 'small batch, 3 classes',
      visibility: 'public',
      points: 2,
      seed: 201,
      inputs: (g) => ({ scores: g.randn([4, 3]), y: g.randint([4], 0, 3) }),
    },
    {
      name: 'some rows already beat every margin',
      visibility: 'public',
      points: 2,
      seed: 202,
      inputs: (g) => {
        // the first three rows' true class gets +5: no active margin there (zero loss, zero gradient)
        const y = g.randint([6], 0, 4);
        const isTrue = np.arange(4).reshape(1, 4).equal(y.reshape(6, 1));
        const firstRows = np.arange(6).reshape(6, 1).less(3);
        const bonus = np.where(isTrue.multiply(firstRows), 5, 0);
        return { scores: g.randn([6, 4]).add(bonus), y };
      },
    },
    {
      name: 'margins of exactly 0',
      visibility: 'hidden',
      points: 2,
      seed: 203,
      // dyadic values, so s_j - s_y + 1 is computed exactly in any order: several margins are 0
      inputs: () => ({
        scores: np.array([
          [1.5, 0.5, 2.25, -1],
          [0, 1, 2, 0.5],
          [3, 2, 2.5, 4],
          [-0.75, 0.25, -1.75, 0.25],
          [2, 1, 1, 1.5],
        ]),
        y: np.array([0, 1, 3, 1, 0], { dtype: 'int32' }),
      }),
    },
    {
      name: 'batch of one',
      visibility: 'hidden',
      points: 2,
      seed: 204,
      inputs: (g) => ({ scores: g.randn([1, 5]), y: g.randint([1], 0, 5) }),
    },
    {
      name: 'many classes',
      visibility: 'hidden',
      points: 2,
      seed: 205,
      inputs: (g) => ({ scores: g.randn([8, 100], { scale: 0.5 }), y: g.randint([8], 0, 100) }),
    },
  ],
  gradcheck,
};

export default spec;
