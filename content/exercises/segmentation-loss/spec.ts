import type { ExerciseSpec } from '@gradlab/content';

// segmentationLoss(scores, y) -> { loss: number, dscores }: scores (N, C, H, W), y (N, H, W) int32.
type Fns = 'segmentationLoss';

export const run: ExerciseSpec<Fns>['run'] = ({ segmentationLoss }, { scores, y }) => {
  const { loss, dscores } = segmentationLoss(scores, y);
  return { loss, dscores };
};

type Gen = {
  randn(shape: number[], options?: { scale?: number }): NDArray;
  randint(shape: number[], low: number, high: number): NDArray;
};
const image = (g: Gen, n: number, c: number, h: number, w: number, scale = 1) => ({
  scores: g.randn([n, c, h, w], { scale }),
  y: g.randint([n, h, w], 0, c),
});

const spec: ExerciseSpec<Fns> = {
  functions: ['segmentationLoss'],
  run,
  outputs: {
    loss: { label: 'segmentationLoss: loss' },
    dscores: { label: 'segmentationLoss: dscores' },
  },
  cases: [
    {
      name: 'two 3x3 images, three classes',
      visibility: 'public',
      points: 2,
      seed: 161,
      inputs: (g) => image(g, 2, 3, 3, 3),
    },
    {
      name: 'one 2x4 image, two classes',
      visibility: 'public',
      points: 2,
      seed: 162,
      inputs: (g) => image(g, 1, 2, 2, 4),
    },
    {
      name: 'scores in the thousands',
      visibility: 'hidden',
      points: 2,
      seed: 163,
      inputs: (g) => ({
        scores: np
          .array([900, -40, 750, 12, 820, 880, -700, 30, 5, 760, 905, -15])
          .reshape([1, 3, 2, 2])
          .add(g.randn([1, 3, 2, 2])),
        y: np
          .array([
            [
              [0, 2],
              [1, 1],
            ],
          ])
          .astype('int32'),
      }),
    },
    { name: 'one pixel', visibility: 'hidden', points: 2, seed: 164, inputs: (g) => image(g, 1, 4, 1, 1) },
    {
      name: 'several images, many classes',
      visibility: 'hidden',
      points: 2,
      seed: 165,
      inputs: (g) => image(g, 3, 6, 2, 3),
    },
  ],
};

export default spec;
