import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);

const models = [
  ['Gaussian noise with fixed variance around s', 'squared error'],
  ['Laplace noise around s', 'absolute (L1) error'],
  ['a categorical distribution with probabilities softmax(s)', 'softmax cross-entropy'],
  ['a Bernoulli distribution with p(t = 1) = sigmoid(s)', 'binary cross-entropy'],
] as const;
const leftOver = 'multiclass hinge loss';

/** Part d: the first reason is the right one. */
const reasons = [
  'The logarithm is increasing, so both have the same optimum, and a sum of logarithms is easier to differentiate and does not underflow like a product of many probabilities',
  'The logarithm moves the optimum to weights that generalise better',
  'The likelihood of a training set is always larger than one, so it cannot be maximised',
  'The negative log-likelihood has no local minima, whatever the model',
];

const question: QuestionSpec = {
  generate(g) {
    const left = g.shuffle(models.map(([m]) => m));
    const right: string[] = g.shuffle([...models.map(([, l]) => l), leftOver]);
    const n = 4;
    const probList = [0, 1, 2, 3].map(() => g.pick([0.1, 0.2, 0.25, 0.4, 0.5, 0.6, 0.75, 0.8, 0.9]));
    const p = np.array(probList);
    const likelihood = np.exp(np.log(p).sum()).item() as number;
    const nll = -(np.log(p).sum().item() as number) / n;
    const options = g.shuffle(reasons);
    return {
      params: {
        n,
        probs: probList.join(', '),
        logs: list(np.log(p).multiply(-1))
          .map((v) => round(v))
          .join(', '),
        likelihood: round(likelihood, 6),
        nll: round(nll),
        sumNll: n * nll,
        log10Nll: nll / Math.LN10,
        probSum: probList.reduce((a, b) => a + b, 0),
      },
      parts: {
        a: {
          type: 'matching',
          points: 3,
          scoring: 'partial',
          left,
          right,
          key: left.map((m) => right.indexOf(models.find(([k]) => k === m)?.[1] ?? '')),
        },
        b: { type: 'numeric', points: 1, key: likelihood, tolerance: { rtol: 1e-3, atol: 1e-7 } },
        c: { type: 'numeric', points: 2, key: nll, tolerance: { rtol: 1e-3, atol: 1e-4 } },
        d: { type: 'choice', points: 1, options, key: options.indexOf(reasons[0] as string) },
      },
    };
  },
  wrong: [
    {
      part: 'a',
      why: 'Gaussian and Laplace swapped',
      expect: 0.5,
      response: (v) => {
        const part = v.parts.a as { left: string[]; key: number[] };
        const i = part.left.indexOf(models[0][0]);
        const j = part.left.indexOf(models[1][0]);
        return part.key.map((k, m) => (m === i ? part.key[j] : m === j ? part.key[i] : k));
      },
    },
    {
      part: 'a',
      why: 'the categorical model matched to the hinge loss',
      expect: 0.75,
      response: (v) => {
        const part = v.parts.a as { left: string[]; right: string[]; key: number[] };
        const i = part.left.indexOf(models[2][0]);
        return part.key.map((k, m) => (m === i ? part.right.indexOf(leftOver) : k));
      },
    },
    { part: 'b', why: 'the probabilities summed', response: (v) => String(v.params.probSum) },
    { part: 'c', why: 'the sum instead of the average', response: (v) => String(v.params.sumNll) },
    { part: 'c', why: 'the base-10 logarithm', response: (v) => String(v.params.log10Nll) },
    {
      part: 'd',
      why: 'the logarithm changes the optimum',
      response: (v) => (v.parts.d as { options: string[] }).options.indexOf(reasons[1] as string),
    },
  ],
};

export default question;
