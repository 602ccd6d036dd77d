import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const tex = (rows: number[][]) =>
  `\\begin{pmatrix} ${rows.map((r) => r.map((v) => round(v)).join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;

const softmax = (s: NDArray) => {
  const e = np.exp(s.subtract(np.max(s)));
  return e.divide(e.sum());
};

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      // one query, three keys and values, d_k = 4 (so the scale is exactly 2)
      const q = np.array([[0, 1, 2, 3].map(() => g.int(-1, 1))]);
      const k = np.array([0, 1, 2].map(() => [0, 1, 2, 3].map(() => g.int(-1, 1))));
      const v = np.array([0, 1, 2].map(() => [g.int(-2, 3), g.int(-2, 3)]));
      const raw = q.matmul(k.T);
      const rawList = list(raw);
      if (new Set(rawList).size < 3) continue;
      const scores = raw.divide(2);
      const weights = softmax(scores);
      const out = weights.matmul(v);
      const unscaled = softmax(raw).matmul(v);
      const onKeys = weights.matmul(k);
      if (list(out).some((x, i) => Math.abs(x - (list(unscaled)[i] ?? 0)) < 1e-3)) continue;
      return {
        params: {
          q: tex(q.toArray() as number[][]),
          K: tex(k.toArray() as number[][]),
          V: tex(v.toArray() as number[][]),
          raw: rawList.join(', '),
          scores: list(scores).join(', '),
          weights: list(weights)
            .map((x) => round(x))
            .join(', '),
          out: list(out)
            .map((x) => round(x))
            .join(', '),
          unscaled: JSON.stringify(list(unscaled)),
          onKeys: JSON.stringify(list(onKeys).slice(0, 2)),
        },
        parts: {
          a: { type: 'numeric', points: 2, key: list(scores), tolerance: { atol: 1e-9 } },
          b: { type: 'numeric', points: 2, key: list(weights), tolerance: { rtol: 5e-3, atol: 1e-4 } },
          c: { type: 'numeric', points: 2, key: list(out), tolerance: { rtol: 5e-3, atol: 1e-3 } },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'the scores not divided by √d_k',
      response: (v) => String(v.params.raw).split(', '),
    },
    {
      part: 'c',
      why: 'the unscaled scores carried through to the output',
      response: (v) => (JSON.parse(String(v.params.unscaled)) as number[]).map(String),
    },
    {
      part: 'c',
      why: 'the weights applied to the keys instead of the values',
      response: (v) => (JSON.parse(String(v.params.onKeys)) as number[]).map(String),
    },
  ],
};

export default question;
