import type { ExerciseSpec } from '@gradlab/content';

// xavierNormal(z), xavierUniform(u), kaimingNormal(z), each -> { w }: the samples come with the
// case (standard normal z, uniform u in [0, 1)), so every solution draws the same weights.
type Fns = 'xavierNormal' | 'xavierUniform' | 'kaimingNormal';

export const run: ExerciseSpec<Fns>['run'] = ({ xavierNormal, xavierUniform, kaimingNormal }, { z, u }) => ({
  xavierNormal: xavierNormal(z).w,
  xavierUniform: xavierUniform(u).w,
  kaimingNormal: kaimingNormal(z).w,
});

const samples = (g: { randn(s: number[]): NDArray; uniform(s: number[]): NDArray }, shape: number[]) => ({
  z: g.randn(shape),
  u: g.uniform(shape),
});

const spec: ExerciseSpec<Fns> = {
  functions: ['xavierNormal', 'xavierUniform', 'kaimingNormal'],
  run,
  outputs: {
    xavierNormal: { label: 'xavierNormal: w' },
    xavierUniform: { label: 'xavierUniform: w' },
    kaimingNormal: { label: 'kaimingNormal: w' },
  },
  cases: [
    {
      name: 'an affine layer 4 -> 3',
      visibility: 'public',
      points: 2,
      seed: 111,
      inputs: (g) => samples(g, [4, 3]),
    },
    {
      name: 'a square layer 5 -> 5',
      visibility: 'public',
      points: 2,
      seed: 112,
      inputs: (g) => samples(g, [5, 5]),
    },
    {
      name: 'a convolution (2, 3, 3, 3)',
      visibility: 'hidden',
      points: 2,
      seed: 113,
      inputs: (g) => samples(g, [2, 3, 3, 3]),
    },
    {
      name: 'a wide layer 2 -> 50',
      visibility: 'hidden',
      points: 2,
      seed: 114,
      inputs: (g) => samples(g, [2, 50]),
    },
    {
      name: 'a 1x1 convolution',
      visibility: 'hidden',
      points: 2,
      seed: 115,
      inputs: (g) => samples(g, [4, 6, 1, 1]),
    },
  ],
};

export default spec;
