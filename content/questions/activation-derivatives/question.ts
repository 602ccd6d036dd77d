import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const alpha = g.pick([0.01, 0.05, 0.1, 0.2]);
      const elu = g.pick([0.5, 1]);
      // four inputs, two of each sign, never at the kink
      const xs = g.shuffle([
        g.pick([-3, -2, -1.5]),
        g.pick([-1, -0.5]),
        g.pick([0.5, 1]),
        g.pick([1.5, 2, 3]),
      ]);
      const x = np.array(xs);
      const positive = x.greater(0);
      const ones = np.ones([4]);
      const reluGrad = np.where(positive, ones, np.zeros([4]));
      const leakyGrad = np.where(positive, ones, np.full([4], alpha));
      const eluGrad = np.where(positive, ones, np.exp(x).multiply(elu));
      const sig = ones.divide(ones.add(np.exp(x.multiply(-1))));
      const softplusGrad = sig;
      const z = g.pick([-4, -3, 3, 4]);
      const s = 1 / (1 + Math.exp(-z));
      if (Math.abs(s * (1 - s)) > 0.06) continue;
      return {
        params: {
          alpha,
          elu,
          xs: xs.join(', '),
          relu: list(reluGrad).join(', '),
          leaky: list(leakyGrad).join(', '),
          eluGrad: list(eluGrad)
            .map((v) => round(v))
            .join(', '),
          softplus: list(softplusGrad)
            .map((v) => round(v))
            .join(', '),
          z,
          sz: round(s),
          dsz: round(s * (1 - s)),
          alphaAsX: JSON.stringify(list(np.where(positive, ones, x.multiply(alpha)))),
        },
        parts: {
          a: { type: 'numeric', points: 1, key: list(reluGrad), tolerance: { atol: 1e-9 } },
          b: { type: 'numeric', points: 2, key: list(leakyGrad), tolerance: { atol: 1e-9 } },
          c: { type: 'numeric', points: 2, key: list(eluGrad), tolerance: { rtol: 5e-3, atol: 1e-4 } },
          d: { type: 'numeric', points: 1, key: s * (1 - s), tolerance: { rtol: 5e-3 } },
          e: {
            type: 'text',
            points: 2,
            rubric: [
              {
                id: 'saturation',
                description:
                  'a sigmoid far from 0 saturates: its derivative is tiny (at most 1/4), so the gradient through it (and through a stack of them) nearly vanishes',
                points: 1,
              },
              {
                id: 'relu-fix',
                description:
                  'ReLU-type units have derivative 1 for positive inputs (no saturation); leaky ReLU/ELU also keep a gradient for negative inputs, so units do not die',
                points: 1,
              },
            ],
          },
        },
      };
    }
  },
  wrong: [
    {
      part: 'b',
      why: 'the leaky ReLU output (αx) instead of its derivative for negative inputs',
      response: (v) => (JSON.parse(String(v.params.alphaAsX)) as number[]).map(String),
    },
    {
      part: 'b',
      why: 'the ReLU derivative (0 for negative inputs)',
      response: (v) => String(v.params.relu).split(', '),
    },
    {
      part: 'c',
      why: 'ELU treated as ReLU',
      response: (v) => String(v.params.relu).split(', '),
    },
    { part: 'd', why: 'σ(z) instead of σ(z)(1 − σ(z))', response: (v) => String(v.params.sz) },
  ],
};

export default question;
