import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const p = g.pick([0.2, 0.25, 0.4, 0.6]);
      const q = 1 - p;
      const h = np.array([0, 1, 2, 3, 4].map(() => g.int(0, 6)));
      const mask = np.array([0, 1, 2, 3, 4].map(() => (g.uniform(0, 1) < q ? 1 : 0)));
      const kept = list(mask).reduce((a, b) => a + b, 0);
      if (kept === 0 || kept === 5 || list(h).filter((v) => v !== 0).length < 3) continue;
      const out = h.multiply(mask).divide(q);
      const upstream = np.array([0, 1, 2, 3, 4].map(() => g.pick([-2, -1, 1, 2])));
      const dh = upstream.multiply(mask).divide(q);
      const units = g.pick([8, 10, 12, 16]);
      return {
        params: {
          p,
          q: round(q),
          h: list(h).join(', '),
          mask: list(mask).join(', '),
          upstream: list(upstream).join(', '),
          out: list(out)
            .map((v) => round(v))
            .join(', '),
          dh: list(dh)
            .map((v) => round(v))
            .join(', '),
          byP: JSON.stringify(list(h.multiply(mask).divide(p))),
          unscaledGrad: JSON.stringify(list(upstream.multiply(mask))),
          units,
          masks: 2 ** units,
        },
        parts: {
          a: { type: 'numeric', points: 2, key: list(out), tolerance: { rtol: 1e-3, atol: 1e-9 } },
          b: { type: 'numeric', points: 2, key: list(dh), tolerance: { rtol: 1e-3, atol: 1e-9 } },
          c: { type: 'numeric', points: 1, key: list(h), tolerance: { atol: 1e-9 } },
          d: { type: 'integer', points: 1, key: 2 ** units },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'divided by the drop probability p instead of the keep probability q',
      response: (v) => (JSON.parse(String(v.params.byP)) as number[]).map(String),
    },
    {
      part: 'a',
      why: 'the mask without the 1/q scaling',
      response: (v) => {
        const h = String(v.params.h).split(', ').map(Number);
        const m = String(v.params.mask).split(', ').map(Number);
        return h.map((x, i) => String(x * (m[i] ?? 0)));
      },
    },
    {
      part: 'b',
      why: 'the mask applied without the 1/q scaling in the backward pass',
      response: (v) => (JSON.parse(String(v.params.unscaledGrad)) as number[]).map(String),
    },
    {
      part: 'c',
      why: 'scaled by q at test time as well',
      response: (v) =>
        String(v.params.h)
          .split(', ')
          .map((x) => String(Number(x) * Number(v.params.q))),
    },
    { part: 'd', why: 'n masks', response: (v) => String(v.params.units) },
  ],
};

export default question;
