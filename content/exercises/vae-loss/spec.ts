import type { ExerciseSpec } from '@gradlab/content';

// reparameterize(mu, logVar, eps) -> { z, cache }; reparameterizeBackward(dz, cache) -> { dmu, dlogVar };
// klLoss(mu, logVar) -> { kl: number, dmu, dlogVar }.
type Fns = 'reparameterize' | 'reparameterizeBackward' | 'klLoss';

export const run: ExerciseSpec<Fns>['run'] = (
  { reparameterize, reparameterizeBackward, klLoss },
  { mu, logVar, eps, dz },
) => {
  const { z, cache } = reparameterize(mu, logVar, eps);
  const back = reparameterizeBackward(dz, cache);
  const kl = klLoss(mu, logVar);
  return {
    z,
    dmuSample: back.dmu,
    dlogVarSample: back.dlogVar,
    kl: kl.kl,
    dmuKl: kl.dmu,
    dlogVarKl: kl.dlogVar,
  };
};

type Gen = { randn(shape: number[], options?: { scale?: number; shift?: number }): NDArray };
const batch = (g: Gen, n: number, k: number, spread = 1) => ({
  mu: g.randn([n, k], { scale: spread }),
  logVar: g.randn([n, k], { scale: spread }),
  eps: g.randn([n, k]),
  dz: g.randn([n, k]),
});

const spec: ExerciseSpec<Fns> = {
  functions: ['reparameterize', 'reparameterizeBackward', 'klLoss'],
  run,
  outputs: {
    z: { label: 'reparameterize: z' },
    dmuSample: { label: 'reparameterizeBackward: dmu' },
    dlogVarSample: { label: 'reparameterizeBackward: dlogVar' },
    kl: { label: 'klLoss: kl' },
    dmuKl: { label: 'klLoss: dmu' },
    dlogVarKl: { label: 'klLoss: dlogVar' },
  },
  cases: [
    {
      name: 'four codes of size three',
      visibility: 'public',
      points: 2,
      seed: 151,
      inputs: (g) => batch(g, 4, 3),
    },
    {
      name: 'one code of size five',
      visibility: 'public',
      points: 2,
      seed: 152,
      inputs: (g) => batch(g, 1, 5),
    },
    {
      name: 'the prior itself',
      visibility: 'hidden',
      points: 2,
      seed: 153,
      inputs: (g) => ({
        mu: np.zeros([2, 3]),
        logVar: np.zeros([2, 3]),
        eps: g.randn([2, 3]),
        dz: g.randn([2, 3]),
      }),
    },
    {
      name: 'wide spread of variances',
      visibility: 'hidden',
      points: 2,
      seed: 154,
      inputs: (g) => batch(g, 3, 4, 3),
    },
    { name: 'a larger batch', visibility: 'hidden', points: 2, seed: 155, inputs: (g) => batch(g, 8, 2) },
  ],
};

export default spec;
