import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const tex = (rows: number[][]) =>
  `\\begin{pmatrix} ${rows.map((r) => r.map((v) => round(v)).join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;

/** Batch norm over the rows (axis 0), or layer norm over the columns (axis 1); biased variance unless told. */
function normalize(x: NDArray, axis: number, n: number, unbiased = false) {
  const mu = x.mean({ axis, keepdims: true });
  const centred = x.subtract(mu);
  const ss = centred.multiply(centred).sum({ axis, keepdims: true });
  const variance = ss.divide(unbiased ? n - 1 : n);
  return { mu, variance, xhat: centred.divide(np.sqrt(variance)) };
}

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const rows = [0, 1, 2, 3].map(() => [g.int(-3, 5), g.int(0, 8)]);
      const x = np.array(rows);
      const gamma = np.array([[g.pick([0.5, 1, 2, 3]), g.pick([0.5, 1, 2, 3])]]);
      const beta = np.array([[g.pick([-1, 0, 0.5, 1, 2]), g.pick([-2, -1, 0, 1])]]);
      const bn = normalize(x, 0, 4);
      if (list(bn.variance).some((v) => v < 0.5)) continue;
      const y = bn.xhat.multiply(gamma).add(beta);
      // mistakes: unbiased variance, statistics per example (layer norm), gamma and beta left out
      const unb = normalize(x, 0, 4, true).xhat.multiply(gamma).add(beta);
      const ln = normalize(x, 1, 2);
      if (list(ln.variance).some((v) => v === 0)) continue;
      const lnY = ln.xhat.multiply(gamma).add(beta);
      const far = (a: NDArray) =>
        list(a).some((v, i) => Math.abs(v - (list(y)[i] ?? 0)) > 0.05 * (1 + Math.abs(v)));
      if (!far(unb) || !far(lnY) || !far(bn.xhat)) continue;
      const c = g.pick([16, 32, 64, 128]);
      const n = g.pick([8, 16, 32]);
      const h = g.pick([14, 28, 32]);
      const w = g.pick([14, 28, 32]);
      const shape = [n, c, h, w];
      return {
        params: {
          x: tex(rows),
          gamma: list(gamma).join(', '),
          beta: list(beta).join(', '),
          shape: shape.join(', '),
          c,
          learn: 2 * c,
          mu: list(bn.mu)
            .map((v) => round(v))
            .join(', '),
          variance: list(bn.variance)
            .map((v) => round(v))
            .join(', '),
          std: list(bn.variance)
            .map((v) => round(Math.sqrt(v)))
            .join(', '),
          xhat: tex(bn.xhat.toArray() as number[][]),
          y: tex(y.toArray() as number[][]),
          perChannel: n * h * w,
          unbiased: JSON.stringify(unb.toArray()),
          layerNorm: JSON.stringify(lnY.toArray()),
          noAffine: JSON.stringify(bn.xhat.toArray()),
          perPosition: 2 * c * h * w,
        },
        parts: {
          a: { type: 'numeric', points: 1, key: list(bn.mu), tolerance: { rtol: 1e-3, atol: 1e-6 } },
          b: { type: 'numeric', points: 1, key: list(bn.variance), tolerance: { rtol: 1e-3, atol: 1e-6 } },
          c: {
            type: 'matrix',
            points: 3,
            key: y.toArray() as number[][],
            tolerance: { rtol: 5e-3, atol: 5e-3 },
          },
          d: { type: 'integer', points: 1, key: 2 * c },
          e: { type: 'yes-no', points: 2, key: false, reasonPoints: 1 },
        },
      };
    }
  },
  wrong: [
    {
      part: 'c',
      why: 'the unbiased variance (dividing by N - 1)',
      response: (v) => (JSON.parse(String(v.params.unbiased)) as number[][]).map((r) => r.map(String)),
    },
    {
      part: 'c',
      why: 'statistics per example over the features (layer normalization)',
      response: (v) => (JSON.parse(String(v.params.layerNorm)) as number[][]).map((r) => r.map(String)),
    },
    {
      part: 'c',
      why: 'gamma and beta not applied',
      response: (v) => (JSON.parse(String(v.params.noAffine)) as number[][]).map((r) => r.map(String)),
    },
    { part: 'd', why: 'two parameters for the whole layer', response: () => '2' },
    {
      part: 'd',
      why: 'a gamma and a beta per spatial position',
      response: (v) => String(v.params.perPosition),
    },
    { part: 'e', why: 'yes', response: () => ({ answer: true, reason: 'it shifts the activations' }) },
  ],
};

export default question;
