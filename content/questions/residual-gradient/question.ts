import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

const question: QuestionSpec = {
  generate(g) {
    const depth = g.pick([10, 20, 30, 50]);
    const slope = g.pick([0.5, 0.6, 0.7, 0.8]);
    const correction = g.pick([0.01, 0.02, 0.03]) * g.pick([-1, 1]);
    // every block's local derivative, as arrays of the engine: plain layers multiply `slope`,
    // residual blocks multiply 1 + `correction`
    const plain = np.full([depth], slope);
    const residual = np.full([depth], 1 + correction);
    const plainProduct = Math.exp(np.log(plain).sum().item());
    const residualProduct = Math.exp(np.log(residual).sum().item());
    return {
      params: {
        depth,
        slope,
        correction,
        onePlus: round(1 + correction),
        plain: round(plainProduct, 12),
        residual: round(residualProduct),
      },
      parts: {
        a: { type: 'numeric', points: 2, key: plainProduct, tolerance: { rtol: 1e-2 } },
        b: { type: 'numeric', points: 2, key: 1 + correction, tolerance: { rtol: 1e-6 } },
        c: { type: 'numeric', points: 2, key: residualProduct, tolerance: { rtol: 1e-2 } },
        d: {
          type: 'text',
          points: 2,
          rubric: [
            {
              id: 'identity-path',
              description:
                'the skip (add gate) passes the upstream gradient unchanged: each factor is 1 + ∂R/∂x, not a small number',
              points: 1,
            },
            {
              id: 'no-vanishing',
              description:
                'so the product over many blocks stays near 1 (no vanishing), and early layers still learn / the identity is easy to represent',
              points: 1,
            },
          ],
        },
      },
    };
  },
  wrong: [
    {
      part: 'a',
      why: 'the slope added per layer instead of multiplied',
      response: (v) => String(Number(v.params.slope) * Number(v.params.depth)),
    },
    { part: 'b', why: 'the skip forgotten: only ∂R/∂x', response: (v) => String(v.params.correction) },
    {
      part: 'c',
      why: 'the skip forgotten: the product of the corrections alone',
      response: (v) => String(Math.abs(Number(v.params.correction)) ** Number(v.params.depth)),
    },
  ],
};

export default question;
