import type { QuestionSpec } from '@gradlab/content';

const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const tex = (a: NDArray) =>
  `\\begin{pmatrix} ${list(a)
    .map((v) => Number(v.toFixed(4)))
    .join(' & ')} \\end{pmatrix}^\\top`;
const r4 = (v: number) => Number(v.toPrecision(4));

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const d = g.pick([2, 3]);
      const mu = g.randint([d], -12, 13).divide(10);
      const logvar = np.array(
        Array.from({ length: d }, () => g.pick([-2, -1.2, -0.8, -0.4, 0, 0.3, 0.6, 1])),
      );
      const variance = logvar.exp();
      // 1/2 (mu^2 + sigma^2 - log sigma^2 - 1) per dimension, with the engine
      const perDim = mu.square().add(variance).subtract(logvar).subtract(1).multiply(0.5);
      const kl = perDim.sum().item();
      const signSlip = mu.square().add(variance).add(logvar).subtract(1).multiply(0.5).sum().item();
      // the sign slip must land outside the tolerance of the key
      if (Math.abs(signSlip - kl) < 0.02 * Math.abs(kl) + 1e-6 || kl < 1e-3) continue;
      return {
        params: {
          d,
          mu: tex(mu),
          logvar: tex(logvar),
          variance: tex(variance),
          perDim: tex(perDim),
          kl: r4(kl),
          signSlip,
          noHalf: 2 * kl,
        },
        parts: {
          a: {
            type: 'expression',
            points: 2,
            key: '0.5 * (m^2 + s^2 - log(s^2) - 1)',
            variables: { m: [-2, 2], s: [0.2, 3] },
          },
          b: { type: 'numeric', points: 2, key: kl, tolerance: { rtol: 6e-3, atol: 1e-9 } },
          c: { type: 'yes-no', points: 2, key: false, reasonPoints: 1 },
        },
      };
    }
  },
  wrong: [
    { part: 'a', why: 'the factor 1/2 left out', response: () => 'm^2 + s^2 - log(s^2) - 1' },
    { part: 'a', why: 'the sign of the log slipped', response: () => '0.5 * (m^2 + s^2 + log(s^2) - 1)' },
    { part: 'b', why: 'the sign of the log slipped', response: (v) => String(v.params.signSlip) },
    { part: 'b', why: 'the factor 1/2 left out', response: (v) => String(v.params.noHalf) },
    {
      part: 'c',
      why: 'yes',
      response: () => ({ answer: true, reason: 'the decoder is trained on Gaussian codes' }),
    },
  ],
};

export default question;
