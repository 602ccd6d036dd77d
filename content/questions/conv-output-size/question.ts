import type { QuestionSpec } from '@gradlab/content';

/** The output side of a convolution, from the lecture's formula (H + 2P - K) / S + 1. */
const side = (size: number, k: number, s: number, p: number) => (size + 2 * p - k) / s + 1;

const question: QuestionSpec = {
  generate(g) {
    // draw until the sizes divide evenly (as an exam's numbers do)
    for (;;) {
      const c = g.pick([1, 3, 8, 16]);
      const h = g.int(8, 40);
      const w = g.pick([h, g.int(8, 40)]);
      const f = g.pick([4, 6, 8, 10, 16, 32]);
      const k = g.pick([1, 3, 5, 7]);
      const s = g.pick([1, 2, 3]);
      const p = g.int(1, Math.floor(k / 2) + 1);
      const ho = side(h, k, s, p);
      const wo = side(w, k, s, p);
      if (!Number.isInteger(ho) || !Number.isInteger(wo) || ho < 1 || wo < 1) continue;
      return {
        params: { c, h, w, f, k, s, p, ho, wo, weights: f * c * k * k, total: f * c * k * k + f },
        parts: {
          a: { type: 'shape', points: 2, key: ['N', f, ho, wo], accept: [['N', ho, wo, f]] },
          b: { type: 'integer', points: 2, key: f * c * k * k + f },
          c: {
            type: 'constraint',
            points: 2,
            fields: ['kernel', 'stride', 'padding'],
            example: { kernel: 3, stride: 1, padding: 1 },
            check: ({ kernel = Number.NaN, stride = Number.NaN, padding = Number.NaN }) => {
              if (![kernel, stride, padding].every((v) => Number.isInteger(v) && v >= 0))
                return 'sizes are whole numbers';
              if (kernel < 1) return 'a kernel has at least one element';
              if (stride !== 1) return 'the question asks for stride 1';
              const out = side(ho, kernel, stride, padding);
              return out === ho ? null : `with these values a side of ${ho} becomes ${out}, not ${ho}`;
            },
          },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'padding left out of the size',
      response: (v) => {
        const [h, w, k, s, f] = ['h', 'w', 'k', 's', 'f'].map((name) => Number(v.params[name]));
        return `N x ${f} x ${Math.floor((Number(h) - Number(k)) / Number(s)) + 1} x ${Math.floor((Number(w) - Number(k)) / Number(s)) + 1}`;
      },
    },
    { part: 'b', why: 'the biases forgotten', response: (v) => String(v.params.weights) },
    {
      part: 'c',
      why: 'a 3 x 3 kernel without padding',
      response: () => ({ kernel: '3', stride: '1', padding: '0' }),
    },
  ],
};

export default question;
