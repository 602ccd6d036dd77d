import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const lr = g.pick([0.1, 0.2, 0.5]);
      const theta0 = np.array([g.int(-3, 3), g.int(-3, 3)]);
      const g1 = np.array([g.pick([-4, -3, -2, 2, 3, 4]), g.pick([-1, 1]) * g.pick([0.5, 1])]);
      const g2 = np.array([g.pick([-3, -2, 2, 3]), g.pick([-1, 1]) * g.pick([0.5, 1])]);
      // AdaGrad: s accumulates squared gradients, each step is lr * g / sqrt(s) (epsilon ~ 0)
      const s1 = g1.multiply(g1);
      const theta1 = theta0.subtract(g1.multiply(lr).divide(np.sqrt(s1)));
      const s2 = s1.add(g2.multiply(g2));
      const theta2 = theta1.subtract(g2.multiply(lr).divide(np.sqrt(s2)));
      // the RMS-of-one-gradient mistake: dividing by |g2| alone at step 2
      const noHistory = theta1.subtract(g2.multiply(lr).divide(np.sqrt(g2.multiply(g2))));
      const plainSgd = theta0.subtract(g1.multiply(lr)).subtract(g2.multiply(lr));
      if (list(theta2).some((v, i) => Math.abs(v - (list(noHistory)[i] ?? 0)) < 1e-3)) continue;
      return {
        params: {
          lr,
          theta0: list(theta0).join(', '),
          g1: list(g1).join(', '),
          g2: list(g2).join(', '),
          s1: list(s1).join(', '),
          s2: list(s2).join(', '),
          theta1: list(theta1)
            .map((v) => round(v))
            .join(', '),
          theta2: list(theta2)
            .map((v) => round(v))
            .join(', '),
          noHistory: JSON.stringify(list(noHistory)),
          plainSgd: JSON.stringify(list(plainSgd)),
        },
        parts: {
          a: { type: 'numeric', points: 2, key: list(theta1), tolerance: { rtol: 1e-3, atol: 1e-6 } },
          b: { type: 'numeric', points: 1, key: list(s2), tolerance: { rtol: 1e-6, atol: 1e-9 } },
          c: { type: 'numeric', points: 3, key: list(theta2), tolerance: { rtol: 1e-3, atol: 1e-6 } },
          d: { type: 'yes-no', points: 2, key: false, reasonPoints: 1 },
        },
      };
    }
  },
  wrong: [
    {
      part: 'c',
      why: 'no history: the second step divided by |g2| alone (as if s were reset)',
      response: (v) => (JSON.parse(String(v.params.noHistory)) as number[]).map(String),
    },
    {
      part: 'c',
      why: 'plain SGD steps',
      response: (v) => (JSON.parse(String(v.params.plainSgd)) as number[]).map(String),
    },
    {
      part: 'b',
      why: 'the gradients summed before squaring',
      response: (v) => {
        const a = String(v.params.g1).split(', ').map(Number);
        const b = String(v.params.g2).split(', ').map(Number);
        return a.map((x, i) => String((x + (b[i] ?? 0)) ** 2));
      },
    },
    { part: 'd', why: 'yes', response: () => ({ answer: true, reason: 'it adapts to each parameter' }) },
  ],
};

export default question;
