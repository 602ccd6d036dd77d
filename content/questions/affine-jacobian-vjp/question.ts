import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const d = g.pick([32, 64, 100, 128, 256, 784]);
      const m = g.pick([10, 16, 20, 50]);
      const n = g.pick([16, 32, 64, 128]);
      if (d === m || n === d || n === m) continue;
      const k = 4;
      const yList = [0, 1, 2, 3].map(() => g.pick([-2, -1, -0.5, 0, 0.5, 1, 2]));
      const hbarList = [0, 1, 2, 3].map(() => g.pick([-2, -1, -0.5, 0.5, 1, 2, 3]));
      // the sigmoid's values and the vector-Jacobian product sigma'(y) * hbar (diagonal Jacobian)
      const y = np.array(yList);
      const hbar = np.array(hbarList);
      const ones = np.array([1, 1, 1, 1]);
      const sig = ones.divide(np.exp(y.multiply(-1)).add(1));
      const local = sig.multiply(ones.subtract(sig));
      const ybar = local.multiply(hbar);
      const sigTimesHbar = sig.multiply(hbar);
      // the mistakes must never coincide with the key entrywise
      if (list(ybar).every((v, i) => Math.abs(v - (list(local)[i] ?? 0)) < 1e-3)) continue;
      const jacobianEntries = n * m * (n * d);
      return {
        params: {
          d,
          m,
          n,
          k,
          nm: n * m,
          nd: n * d,
          entries: jacobianEntries,
          y: yList.join(', '),
          hbar: hbarList.join(', '),
          sig: list(sig)
            .map((v) => round(v))
            .join(', '),
          local: list(local)
            .map((v) => round(v))
            .join(', '),
          ybar: list(ybar)
            .map((v) => round(v))
            .join(', '),
          localJson: JSON.stringify(list(local)),
          sigHbarJson: JSON.stringify(list(sigTimesHbar)),
        },
        parts: {
          a: { type: 'shape', points: 1, key: [d, m] },
          b: { type: 'shape', points: 1, key: ['N', d] },
          c: { type: 'shape', points: 1, key: [m] },
          d: { type: 'integer', points: 1, key: jacobianEntries },
          e: { type: 'numeric', points: 2, key: list(ybar), tolerance: { rtol: 1e-3, atol: 1e-4 } },
          f: { type: 'integer', points: 1, key: k },
        },
      };
    }
  },
  wrong: [
    { part: 'a', why: 'transposed', response: (v) => `${v.params.m} x ${v.params.d}` },
    { part: 'a', why: 'a gradient per example', response: (v) => `N x ${v.params.d} x ${v.params.m}` },
    { part: 'b', why: 'the shape of Y', response: (v) => `N x ${v.params.m}` },
    { part: 'c', why: 'db not summed over the batch', response: (v) => `N x ${v.params.m}` },
    {
      part: 'd',
      why: 'the number of weights',
      response: (v) => String(Number(v.params.d) * Number(v.params.m)),
    },
    { part: 'd', why: 'the sizes added', response: (v) => String(Number(v.params.nm) + Number(v.params.nd)) },
    {
      part: 'e',
      why: 'the upstream gradient left out',
      response: (v) => (JSON.parse(String(v.params.localJson)) as number[]).map(String),
    },
    {
      part: 'e',
      why: 'sigma(y) instead of its derivative',
      response: (v) => (JSON.parse(String(v.params.sigHbarJson)) as number[]).map(String),
    },
    { part: 'f', why: 'every entry (a full Jacobian)', response: (v) => String(Number(v.params.k) ** 2) },
  ],
};

export default question;
