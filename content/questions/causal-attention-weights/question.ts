import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const tex = (rows: number[][]) =>
  `\\begin{pmatrix} ${rows.map((r) => r.map((v) => round(v)).join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
const rowsOf = (a: NDArray) => a.toArray() as number[][];
const maxDiff = (a: NDArray, b: NDArray) => np.max(np.abs(a.subtract(b))).item();

/** row softmax; -Infinity scores get weight exactly 0 */
const softmaxRows = (s: NDArray) => {
  const e = np.exp(s.subtract(s.max({ axis: 1, keepdims: true })));
  return e.divide(e.sum({ axis: 1, keepdims: true }));
};

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      // three tokens, d_k = 4 so that sqrt(d_k) = 2
      const q = np.array([0, 1, 2].map(() => [0, 1, 2, 3].map(() => g.int(-1, 1))));
      const k = np.array([0, 1, 2].map(() => [0, 1, 2, 3].map(() => g.int(-1, 1))));
      const v = np.array([0, 1, 2].map(() => [g.int(-2, 3), g.int(-2, 3)]));
      const raw = q.matmul(k.T);
      const scores = raw.divide(2);
      // the causal mask: key j > query i gets -infinity before the softmax
      const future = np
        .array([
          [0, 1, 1],
          [0, 0, 1],
          [0, 0, 0],
        ])
        .greater(0);
      const masked = np.where(future, Number.NEGATIVE_INFINITY, scores);
      const weights = softmaxRows(masked);
      const out = weights.matmul(v);
      const unmasked = softmaxRows(scores);
      const zeroedAfter = np.where(future, 0, unmasked);
      const unscaled = softmaxRows(np.where(future, Number.NEGATIVE_INFINITY, raw));
      const rawRows = rowsOf(raw);
      // the second query must score its two visible keys differently, so that the weights are not 1/2, 1/2
      if ((rawRows[1]?.[0] ?? 0) === (rawRows[1]?.[1] ?? 0)) continue;
      if (maxDiff(zeroedAfter, weights) < 0.05 || maxDiff(unscaled, weights) < 0.05) continue;
      const out2 = list(out).slice(2, 4);
      const unmaskedOut2 = list(unmasked.matmul(v)).slice(2, 4);
      if (out2.every((x, i) => Math.abs(x - (unmaskedOut2[i] ?? 0)) < 0.02)) continue;
      const w = rowsOf(weights);
      return {
        params: {
          Q: tex(rowsOf(q)),
          K: tex(rowsOf(k)),
          V: tex(rowsOf(v)),
          scores: tex(rowsOf(scores)),
          weights: tex(w),
          w21: round(w[1]?.[0] ?? 0),
          w22: round(w[1]?.[1] ?? 0),
          out2: out2.map((x) => round(x)).join(', '),
          unmasked: JSON.stringify(rowsOf(unmasked)),
          zeroedAfter: JSON.stringify(rowsOf(zeroedAfter)),
          unscaled: JSON.stringify(rowsOf(unscaled)),
          unmaskedOut2: JSON.stringify(unmaskedOut2),
        },
        parts: {
          a: { type: 'matrix', points: 3, key: w, tolerance: { rtol: 5e-3, atol: 2e-3 } },
          b: {
            type: 'numeric',
            points: 2,
            key: out2,
            tolerance: { rtol: 5e-3, atol: 2e-3 },
            keyFrom: {
              parts: ['a'],
              key: ({ a }) => {
                // a matrix typed as text arrives flattened row by row: the second row is 3..5
                const flat = a as number[];
                if (!Array.isArray(flat) || flat.length !== 9) return out2;
                return list(np.array([flat.slice(3, 6)]).matmul(v));
              },
            },
          },
          c: { type: 'yes-no', points: 2, key: false, reasonPoints: 1 },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'no mask: every query sees every key',
      response: (v) => (JSON.parse(String(v.params.unmasked)) as number[][]).map((r) => r.map(String)),
    },
    {
      part: 'a',
      why: 'future weights zeroed after the softmax, rows no longer renormalised',
      response: (v) => (JSON.parse(String(v.params.zeroedAfter)) as number[][]).map((r) => r.map(String)),
    },
    {
      part: 'a',
      why: 'the scores not divided by sqrt(d_k)',
      response: (v) => (JSON.parse(String(v.params.unscaled)) as number[][]).map((r) => r.map(String)),
    },
    {
      part: 'b',
      why: 'the output of the unmasked attention',
      response: (v) => (JSON.parse(String(v.params.unmaskedOut2)) as number[]).map(String),
    },
    {
      part: 'c',
      why: 'yes: zeroing afterwards is the same',
      response: () => ({ answer: true, reason: 'the future weights are zero either way' }),
    },
  ],
};

export default question;
