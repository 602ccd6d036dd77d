import type { QuestionSpec } from '@gradlab/content';

const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const fmt = (a: NDArray, digits = 4) =>
  `[${list(a)
    .map((v) => Number(v.toFixed(digits)))
    .join(', ')}]`;
const tex = (a: NDArray) =>
  `\\begin{pmatrix} ${list(a)
    .map((v) => Number(v.toFixed(4)))
    .join(' & ')} \\end{pmatrix}^\\top`;
const TOL = 2e-3;
/** true when some entry differs from the key by more than the tolerance */
const differs = (a: NDArray, key: NDArray) =>
  list(a).some((v, i) => Math.abs(v - (list(key)[i] ?? 0)) > 3 * TOL);

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const mu = g.randint([3], -15, 16).divide(10);
      const logvar = np.array([0, 1, 2].map(() => g.pick([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.4])));
      const eps = g.randint([3], -20, 21).divide(10);
      const dz = g.randint([3], -10, 11).divide(10);
      if (list(eps).includes(0) || list(dz).includes(0)) continue;
      const sigma = logvar.multiply(0.5).exp();
      const z = mu.add(sigma.multiply(eps));
      const dSigma = dz.multiply(eps);
      // the listed mistakes must differ from the keys
      if (!differs(mu.add(logvar.multiply(eps)), z) || !differs(mu.add(logvar.exp().multiply(eps)), z))
        continue;
      if (!differs(dz, dSigma) || !differs(dz.multiply(sigma), dSigma)) continue;
      return {
        params: {
          mu: tex(mu),
          logvar: tex(logvar),
          eps: tex(eps),
          dz: tex(dz),
          sigma: tex(sigma),
          z: tex(z),
          dSigma: tex(dSigma),
          // for the listed mistakes
          zLogvar: fmt(mu.add(logvar.multiply(eps))),
          zVariance: fmt(mu.add(logvar.exp().multiply(eps))),
          dSigmaNoEps: fmt(dz),
          dSigmaTimesSigma: fmt(dz.multiply(sigma)),
        },
        parts: {
          a: { type: 'numeric', points: 2, key: list(z), tolerance: { atol: TOL } },
          b: { type: 'numeric', points: 2, key: list(dSigma), tolerance: { atol: TOL } },
          c: {
            type: 'text',
            points: 2,
            rubric: [
              {
                id: 'no-gradient',
                description:
                  'sampling is not differentiable: a direct sample has no gradient with respect to μ and σ',
                points: 1,
              },
              {
                id: 'noise-as-input',
                description:
                  'the trick moves the randomness into the input ε, so z is a differentiable function of μ and σ (same distribution) and the encoder can be trained by backpropagation',
                points: 1,
              },
            ],
          },
        },
      };
    }
  },
  wrong: [
    { part: 'a', why: 'log σ² used as σ', response: (v) => String(v.params.zLogvar) },
    { part: 'a', why: 'the variance σ² used instead of σ', response: (v) => String(v.params.zVariance) },
    { part: 'b', why: 'ε forgotten (dσ = dz)', response: (v) => String(v.params.dSigmaNoEps) },
    { part: 'b', why: 'multiplied by σ instead of ε', response: (v) => String(v.params.dSigmaTimesSigma) },
  ],
};

export default question;
