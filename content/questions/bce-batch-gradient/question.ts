import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const n = 3;
      const scoreList = [0, 1, 2].map(() => g.pick([-3, -2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2, 3]));
      const labelList = [0, 1, 2].map(() => g.int(0, 1));
      // both labels must occur, so that each half of the formula is used
      if (!labelList.includes(0) || !labelList.includes(1)) continue;
      const s = np.array(scoreList);
      const t = np.array(labelList);
      const ones = np.array([1, 1, 1]);
      const p = ones.divide(np.exp(s.multiply(-1)).add(1));
      const perExample = t
        .multiply(np.log(p))
        .add(ones.subtract(t).multiply(np.log(ones.subtract(p))))
        .multiply(-1);
      const loss = (perExample.sum().item() as number) / n;
      const grad = p.subtract(t).divide(n);
      // typical mistakes: the 1/N left out; an extra sigma' factor from differentiating sigma twice
      const gradNoMean = p.subtract(t);
      const gradExtra = grad.multiply(p).multiply(ones.subtract(p));
      return {
        params: {
          scores: scoreList.join(', '),
          labels: labelList.join(', '),
          p: list(p)
            .map((v) => round(v))
            .join(', '),
          perExample: list(perExample)
            .map((v) => round(v))
            .join(', '),
          loss: round(loss),
          grad: list(grad)
            .map((v) => round(v))
            .join(', '),
          sumLoss: loss * n,
          gradNoMean: JSON.stringify(list(gradNoMean)),
          gradExtra: JSON.stringify(list(gradExtra)),
        },
        parts: {
          a: { type: 'numeric', points: 1, key: list(p), tolerance: { rtol: 1e-3, atol: 1e-4 } },
          b: { type: 'numeric', points: 2, key: loss, tolerance: { rtol: 1e-3, atol: 1e-4 } },
          c: { type: 'numeric', points: 2, key: list(grad), tolerance: { rtol: 1e-3, atol: 1e-4 } },
          d: { type: 'expression', points: 2, key: '1 / (1 + exp(-s)) - 1', variables: { s: [-4, 4] } },
        },
      };
    }
  },
  wrong: [
    {
      part: 'b',
      why: 'the sum over the batch instead of the mean',
      response: (v) => String(v.params.sumLoss),
    },
    {
      part: 'c',
      why: 'the 1/N of the mean left out',
      response: (v) => (JSON.parse(String(v.params.gradNoMean)) as number[]).map(String),
    },
    {
      part: 'c',
      why: "an extra factor sigma(s)(1 - sigma(s)): the sigmoid's derivative applied on top of p - t",
      response: (v) => (JSON.parse(String(v.params.gradExtra)) as number[]).map(String),
    },
    { part: 'd', why: 'the label forgotten, sigma(s) alone', response: () => '1 / (1 + exp(-s))' },
    {
      part: 'd',
      why: 'dL/dp instead of dL/ds (the chain through sigma left out)',
      response: () => '-(1 + exp(-s))',
    },
  ],
};

export default question;
