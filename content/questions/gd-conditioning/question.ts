import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const a = g.pick([0.5, 1, 2]);
      const b = a * g.pick([4, 5, 8, 10, 20]);
      const lr = round(g.pick([0.5, 0.8, 1.2, 1.6]) / b);
      const x0 = g.int(1, 5);
      const y0 = g.pick([-2, -1, 1, 2]);
      // two steps of gradient descent on f = (a x^2 + b y^2) / 2, with the engine
      const curvature = np.array([a, b]);
      let p = np.array([x0, y0]);
      const factors = np.ones([2]).subtract(curvature.multiply(lr));
      for (let t = 0; t < 2; t++) p = p.subtract(curvature.multiply(p).multiply(lr));
      const [x2, y2] = Array.from(p.toTypedArray() as Float64Array);
      const [fx, fy] = Array.from(factors.toTypedArray() as Float64Array);
      const kappa = b / a;
      if (Math.abs(Number(fy)) < 0.05) continue;
      return {
        params: {
          a,
          b,
          lr,
          x0,
          y0,
          fx: round(Number(fx)),
          fy: round(Number(fy)),
          x2: round(Number(x2)),
          y2: round(Number(y2)),
          maxLr: round(2 / b),
          bestLr: round(2 / (a + b)),
          kappa,
          rate: round((kappa - 1) / (kappa + 1)),
        },
        parts: {
          a: { type: 'numeric', points: 2, key: 2 / b, tolerance: { rtol: 5e-3 } },
          b: {
            type: 'numeric',
            points: 3,
            key: [Number(x2), Number(y2)],
            tolerance: { rtol: 1e-3, atol: 1e-6 },
          },
          c: { type: 'numeric', points: 1, key: kappa, tolerance: { rtol: 1e-6 } },
          d: { type: 'numeric', points: 2, key: (kappa - 1) / (kappa + 1), tolerance: { rtol: 5e-3 } },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'the flat direction sets the limit, 2 / a',
      response: (v) => String(2 / Number(v.params.a)),
    },
    { part: 'a', why: '1 / b instead of 2 / b', response: (v) => String(1 / Number(v.params.b)) },
    {
      part: 'b',
      why: 'one step instead of two',
      response: (v) => [
        String(Number(v.params.fx) * Number(v.params.x0)),
        String(Number(v.params.fy) * Number(v.params.y0)),
      ],
    },
    {
      part: 'b',
      why: 'the step taken along the gradient (a sign slip)',
      response: (v) => {
        const up = (f: number, c: number) => (1 + Number(v.params.lr) * c) ** 2 * f;
        return [
          String(up(Number(v.params.x0), Number(v.params.a))),
          String(up(Number(v.params.y0), Number(v.params.b))),
        ];
      },
    },
    { part: 'c', why: 'a / b', response: (v) => String(Number(v.params.a) / Number(v.params.b)) },
    {
      part: 'd',
      why: 'the factor of the steepest direction at the largest stable step, |1 - 2b/b| = 1',
      response: () => '1',
    },
  ],
};

export default question;
