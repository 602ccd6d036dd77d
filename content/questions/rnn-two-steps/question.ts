import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const tex = (rows: number[][]) =>
  `\\begin{pmatrix} ${rows.map((r) => r.map((v) => round(v)).join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const x1 = g.pick([-1, 1, 2]);
      const x2 = g.pick([-2, -1, 1]);
      const wxh = np.array([[g.pick([-1, -0.5, 0.5, 1]), g.pick([-1, -0.5, 0.5, 1])]]);
      const whh = np.array([
        [g.pick([-1, -0.5, 0, 0.5, 1]), g.pick([-1, -0.5, 0.5, 1])],
        [g.pick([-1, -0.5, 0.5, 1]), g.pick([-1, -0.5, 0, 0.5, 1])],
      ]);
      const step = (h: NDArray, x: number) =>
        np.tanh(
          np
            .array([[x]])
            .matmul(wxh)
            .add(h.matmul(whh)),
        );
      const h0 = np.zeros([1, 2]);
      const h1 = step(h0, x1);
      const h2 = step(h1, x2);
      // the column convention by mistake: W_hh^T applied to the row state
      const h2T = np.tanh(
        np
          .array([[x2]])
          .matmul(wxh)
          .add(h1.matmul(whh.T)),
      );
      const noTanh = np
        .array([[x2]])
        .matmul(wxh)
        .add(h1.matmul(whh));
      if (list(h2).some((v, i) => Math.abs(v - (list(h2T)[i] ?? 0)) < 1e-3)) continue;
      const d = g.pick([10, 32, 50]);
      const hidden = g.pick([64, 100, 128]);
      const k = g.pick([5, 10, 20]);
      const count = d * hidden + hidden * hidden + hidden + hidden * k + k;
      return {
        params: {
          x1,
          x2,
          Wxh: tex(wxh.toArray() as number[][]),
          Whh: tex(whh.toArray() as number[][]),
          a1: list(np.array([[x1]]).matmul(wxh)).join(', '),
          h1: list(h1)
            .map((v) => round(v))
            .join(', '),
          a2: list(noTanh)
            .map((v) => round(v))
            .join(', '),
          h2: list(h2)
            .map((v) => round(v))
            .join(', '),
          h2T: JSON.stringify(list(h2T)),
          noTanh: JSON.stringify(list(noTanh)),
          d,
          hidden,
          k,
          count,
          noBias: d * hidden + hidden * hidden + hidden * k,
        },
        parts: {
          a: { type: 'numeric', points: 2, key: list(h1), tolerance: { rtol: 2e-3, atol: 1e-4 } },
          b: { type: 'numeric', points: 3, key: list(h2), tolerance: { rtol: 2e-3, atol: 1e-4 } },
          c: { type: 'integer', points: 2, key: count },
          d: { type: 'yes-no', points: 1, key: false, reasonPoints: 0 },
        },
      };
    }
  },
  wrong: [
    {
      part: 'b',
      why: 'W_hh applied from the wrong side (the transpose)',
      response: (v) => (JSON.parse(String(v.params.h2T)) as number[]).map(String),
    },
    {
      part: 'b',
      why: 'the tanh forgotten',
      response: (v) => (JSON.parse(String(v.params.noTanh)) as number[]).map(String),
    },
    { part: 'c', why: 'the biases forgotten', response: (v) => String(v.params.noBias) },
    { part: 'd', why: 'yes', response: () => ({ answer: true, reason: '' }) },
  ],
};

export default question;
