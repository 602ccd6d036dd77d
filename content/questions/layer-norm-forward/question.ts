import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const tex = (rows: number[][]) =>
  `\\begin{pmatrix} ${rows.map((r) => r.map((v) => round(v)).join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;

/** Why layer norm in sequence models: the first reason is the right one. */
const reasons = [
  'It behaves the same at training and test time and does not depend on the batch size',
  'It has no learnable parameters',
  'It makes every feature have mean zero over the batch',
  'It removes the need for a learning rate',
];

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      // two examples with four features each; small integers keep the statistics readable
      const rows = [0, 1].map(() => [0, 1, 2, 3].map(() => g.int(-4, 6)));
      const x = np.array(rows);
      const mu = x.mean({ axis: 1, keepdims: true });
      const centred = x.subtract(mu);
      const variance = centred.multiply(centred).mean({ axis: 1, keepdims: true });
      const varList = Array.from(variance.toTypedArray() as Float64Array);
      if (varList.some((v) => v < 0.5)) continue;
      const y = centred.divide(np.sqrt(variance));
      // the batch-norm mistake: statistics over the batch (columns) instead of the features
      const muCol = x.mean({ axis: 0, keepdims: true });
      const cCol = x.subtract(muCol);
      const varCol = cCol.multiply(cCol).mean({ axis: 0, keepdims: true });
      if (Array.from(varCol.toTypedArray() as Float64Array).some((v) => v < 0.25)) continue;
      const yCol = cCol.divide(np.sqrt(varCol));
      const d = 4;
      const options = g.shuffle(reasons);
      const unbiased = centred.divide(np.sqrt(variance.multiply(d / (d - 1))));
      return {
        params: {
          x: tex(rows),
          mu: tex(mu.toArray() as number[][]),
          variance: tex(variance.toArray() as number[][]),
          y: tex(y.toArray() as number[][]),
          yBatch: JSON.stringify(yCol.toArray()),
          yUnbiased: JSON.stringify(unbiased.toArray()),
        },
        parts: {
          a: {
            type: 'numeric',
            points: 2,
            key: Array.from(mu.toTypedArray() as Float64Array),
            tolerance: { rtol: 1e-3, atol: 1e-9 },
          },
          b: {
            type: 'matrix',
            points: 3,
            key: y.toArray() as number[][],
            tolerance: { rtol: 5e-3, atol: 5e-3 },
          },
          c: { type: 'shape', points: 1, key: [4] },
          d: { type: 'choice', points: 2, options, key: options.indexOf(reasons[0] as string) },
        },
      };
    }
  },
  wrong: [
    {
      part: 'b',
      why: 'batch normalization: statistics per feature over the batch',
      response: (v) => (JSON.parse(String(v.params.yBatch)) as number[][]).map((r) => r.map(String)),
    },
    {
      part: 'b',
      why: 'the unbiased variance (dividing by D - 1)',
      response: (v) => (JSON.parse(String(v.params.yUnbiased)) as number[][]).map((r) => r.map(String)),
    },
    { part: 'c', why: 'a gain per example and feature', response: () => 'N x 4' },
    {
      part: 'd',
      why: 'it has no parameters (it has γ and β)',
      response: (v) => (v.parts.d as { options: string[] }).options.indexOf(reasons[1] as string),
    },
  ],
};

export default question;
