import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

const reluClaims = [
  'the second moment is halved at every layer, so the signal shrinks geometrically; use Var(w) = 2/n (Kaiming)',
  'nothing changes, because ReLU has slope 1 wherever it is active',
  'the variance doubles at every layer and explodes; use Var(w) = 1/(2n)',
  'the signal stays steady, but half of the units die for good at the first step',
];

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const n = g.pick([64, 100, 256, 400, 500]);
      const s = g.pick([0.01, 0.02, 0.05, 0.1, 0.2]);
      const layers = g.pick([5, 6, 8, 10]);
      // Var(z) = n Var(w) Var(x): the factor n s^2 per layer
      const factor = n * s * s;
      if (factor > 0.5 && factor < 2) continue;
      if (factor < 0.01 || factor > 10) continue;
      let variance = np.array([1]);
      for (let l = 0; l < layers; l++) variance = variance.multiply(factor);
      const out = variance.item();
      const keepStd = np.sqrt(np.array([1 / n])).item();
      const options = g.shuffle(reluClaims);
      return {
        params: {
          n,
          s,
          layers,
          factor: round(factor, 6),
          out: (() => {
            const [mantissa, exponent] = out.toExponential(3).split('e');
            return `${Number(mantissa)} \\cdot 10^{${Number(exponent)}}`;
          })(),
          trend: factor < 1 ? 'vanishes' : 'explodes',
          keepStd: round(keepStd),
          noSquare: n * s,
          linear: factor * layers,
          varInstead: 1 / n,
        },
        parts: {
          a: { type: 'numeric', points: 1, key: factor, tolerance: { rtol: 1e-3 } },
          b: { type: 'numeric', points: 2, key: out, tolerance: { rtol: 1e-2 } },
          c: { type: 'numeric', points: 2, key: keepStd, tolerance: { rtol: 1e-2 } },
          d: { type: 'choice', points: 2, options, key: options.indexOf(reluClaims[0] as string) },
        },
      };
    }
  },
  wrong: [
    { part: 'a', why: 'n s instead of n s^2', response: (v) => String(v.params.noSquare) },
    {
      part: 'b',
      why: 'the factor times the depth (linear, not exponential)',
      response: (v) => String(v.params.linear),
    },
    {
      part: 'c',
      why: 'the variance 1/n instead of the standard deviation',
      response: (v) => String(v.params.varInstead),
    },
    {
      part: 'd',
      why: 'nothing changes',
      response: (v) => (v.parts.d as { options: string[] }).options.indexOf(reluClaims[1] as string),
    },
  ],
};

export default question;
