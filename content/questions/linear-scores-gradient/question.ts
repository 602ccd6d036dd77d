import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const tex = (rows: number[][]) =>
  `\\begin{pmatrix} ${rows.map((r) => r.map((v) => round(v)).join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      // one example x (1 x 2), W (2 x 3), b (3): scores s = x W + b, softmax loss, gradients
      const x = np.array([[g.int(-2, 3), g.int(-2, 3)]]);
      const w = np.array([0, 1].map(() => [0, 1, 2].map(() => g.int(-2, 2))));
      const b = np.array([g.int(-1, 1), g.int(-1, 1), g.int(-1, 1)]);
      const y = g.int(0, 2);
      if (list(x).includes(0)) continue;
      const s = x.matmul(w).add(b);
      const scores = list(s);
      if (new Set(scores).size < 3) continue;
      const shifted = s.subtract(np.max(s));
      const e = np.exp(shifted);
      const p = e.divide(e.sum());
      const probs = list(p);
      const loss = -Math.log(probs[y] ?? 1);
      const onehot = np.array([[0, 1, 2].map((j) => (j === y ? 1 : 0))]);
      const ds = p.subtract(onehot);
      const dW = x.T.matmul(ds);
      // the mistake of forgetting the one-hot: x^T p
      const dWnoOnehot = x.T.matmul(p);
      return {
        params: {
          x: tex(x.toArray() as number[][]),
          W: tex(w.toArray() as number[][]),
          b: tex([list(b)]),
          label: y,
          scores: scores.join(', '),
          probs: probs.map((v) => round(v)).join(', '),
          loss: round(loss),
          ds: list(ds)
            .map((v) => round(v))
            .join(', '),
          dW: tex(dW.toArray() as number[][]),
          db: list(ds)
            .map((v) => round(v))
            .join(', '),
          noOnehot: JSON.stringify(dWnoOnehot.toArray()),
          log10: String(-Math.log10(probs[y] ?? 1)),
        },
        parts: {
          a: { type: 'numeric', points: 2, key: scores, tolerance: { atol: 1e-9 } },
          b: { type: 'numeric', points: 2, key: loss, tolerance: { rtol: 5e-3 } },
          c: {
            type: 'matrix',
            points: 3,
            key: dW.toArray() as number[][],
            tolerance: { rtol: 5e-3, atol: 5e-3 },
          },
          d: { type: 'shape', points: 1, key: ['D', 'C'] },
        },
      };
    }
  },
  wrong: [
    { part: 'b', why: 'log base 10', response: (v) => String(v.params.log10) },
    {
      part: 'c',
      why: 'the one-hot of the label not subtracted (x^T p)',
      response: (v) => (JSON.parse(String(v.params.noOnehot)) as number[][]).map((r) => r.map(String)),
    },
    {
      part: 'c',
      why: 'the transpose: a 3 x 2 matrix',
      response: (v) => {
        const key = (v.parts.c as { key: number[][] }).key;
        return [0, 1, 2].map((j) => key.map((row) => String(row[j])));
      },
    },
    { part: 'd', why: 'C x D', response: () => 'C x D' },
  ],
};

export default question;
