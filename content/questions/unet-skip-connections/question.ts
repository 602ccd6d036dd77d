import type { QuestionSpec } from '@gradlab/content';

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const H = g.pick([64, 96, 128, 160, 256]);
      const C = g.pick([2, 4, 6, 10, 21]);
      const c1 = g.pick([16, 32]);
      const c2 = 2 * c1;
      const c3 = 2 * c2;
      const u = g.pick([c2, c2 / 2, c2 * 2]);
      const d1 = g.pick([c2, c2 / 2]);
      const u2 = g.pick([c1, c1 / 2]);
      const d2 = g.pick([c1, c1 / 2]);
      if (d2 === C) continue;
      const upParams = c3 * u * 2 * 2 + u;
      const outParams = d2 * C + C;
      return {
        params: {
          H,
          C,
          c1,
          c2,
          c3,
          u,
          d1,
          u2,
          d2,
          half: H / 2,
          quarter: H / 4,
          concat: u + c2,
          concat2: u2 + c1,
          upParams,
          outParams,
          // for the listed mistakes
          upNoBias: c3 * u * 4,
          outAs3x3: d2 * C * 9 + C,
        },
        parts: {
          a: {
            type: 'shape',
            points: 2,
            key: ['N', u + c2, H / 2, H / 2],
            accept: [['N', H / 2, H / 2, u + c2]],
          },
          b: { type: 'integer', points: 1, key: upParams },
          c: { type: 'integer', points: 1, key: outParams },
          d: { type: 'shape', points: 1, key: ['N', C, H, H], accept: [['N', H, H, C]] },
          e: {
            type: 'text',
            points: 2,
            firstItems: 2,
            rubric: [
              {
                id: 'detail',
                description:
                  'they bring high-resolution (fine, "where") features of the encoder to the decoder, which combines them with the coarse semantic ("what") features and recovers the detail lost by pooling: precise boundaries / locations',
                points: 1,
              },
              {
                id: 'gradient',
                description: 'they give gradients a short path back to the early layers (easier training)',
                points: 1,
              },
            ],
          },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'the skip connection forgotten (only the up-sampled channels)',
      response: (v) => `N x ${v.params.u} x ${v.params.half} x ${v.params.half}`,
    },
    {
      part: 'a',
      why: 'the transposed convolution taken not to change the size',
      response: (v) => `N x ${v.params.concat} x ${v.params.quarter} x ${v.params.quarter}`,
    },
    { part: 'b', why: 'the biases forgotten', response: (v) => String(v.params.upNoBias) },
    { part: 'c', why: 'counted as a 3 x 3 convolution', response: (v) => String(v.params.outAs3x3) },
    {
      part: 'd',
      why: 'one channel (the label map)',
      response: (v) => `N x 1 x ${v.params.H} x ${v.params.H}`,
    },
    {
      part: 'd',
      why: 'the spatial size of the bottleneck',
      response: (v) => `N x ${v.params.C} x ${v.params.quarter} x ${v.params.quarter}`,
    },
  ],
};

export default question;
