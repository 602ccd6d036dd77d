import type { QuestionSpec } from '@gradlab/content';

/** The lecture's output size along one axis, floor((I - k + 2P) / S) + 1, or null when S does not divide. */
const side = (size: number, k: number, s: number, p: number) => {
  const out = (size - k + 2 * p) / s + 1;
  return Number.isInteger(out) ? out : null;
};
const shape = (n: (number | string)[]) => n.join(' x ');

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const c = g.pick([1, 3]);
      const h = g.pick([28, 32, 36]);
      const k1 = g.pick([3, 5]);
      const p1 = g.pick([0, (k1 - 1) / 2]);
      const f1 = g.pick([8, 16, 32]);
      const f2 = g.pick([16, 32, 64].filter((f) => f >= f1));
      const s3 = g.pick([1, 2]);
      const classes = g.pick([10, 100]);
      const h1 = side(h, k1, 1, p1);
      const h2 = h1 === null ? null : side(h1, 2, 2, 0);
      const h3 = h2 === null ? null : side(h2, 3, s3, 1);
      if (h1 === null || h2 === null || h3 === null) continue;
      const conv3 = f2 * f1 * 3 * 3 + f2;
      const flat = f2 * h3 * h3;
      const fc = flat * classes + classes;
      const inputs = c * h * h;
      const outputs1 = f1 * h1 * h1;
      const fcInstead = inputs * outputs1 + outputs1;
      const noStride = side(h2, 3, 1, 1) as number;
      if (c === f1 || noStride === h3) continue;
      return {
        params: {
          c,
          h,
          k1,
          p1,
          f1,
          f2,
          s3,
          classes,
          h1,
          h2,
          h3,
          conv3,
          flat,
          fc,
          inputs,
          outputs1,
          fcInstead,
          convWeights1: f1 * c * k1 * k1 + f1,
          // for the listed mistakes
          aChannels: shape(['N', c, h1, h1]),
          bSame: shape(['N', f1, h1, h1]),
          cNoStride: shape(['N', f2, noStride, noStride]),
          conv3Wrong: f2 * c * 3 * 3 + f2,
          fcNoBias: flat * classes,
          fcInsteadNoBias: inputs * outputs1,
        },
        parts: {
          a: { type: 'shape', points: 1, key: ['N', f1, h1, h1], accept: [['N', h1, h1, f1]] },
          b: { type: 'shape', points: 1, key: ['N', f1, h2, h2], accept: [['N', h2, h2, f1]] },
          c: { type: 'shape', points: 1, key: ['N', f2, h3, h3], accept: [['N', h3, h3, f2]] },
          d: { type: 'integer', points: 1, key: conv3 },
          e: { type: 'integer', points: 2, key: fc },
          f: { type: 'integer', points: 2, key: fcInstead },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'the input channels kept instead of one channel per filter',
      response: (v) => v.params.aChannels,
    },
    { part: 'b', why: 'pooling taken to keep the size', response: (v) => v.params.bSame },
    { part: 'c', why: 'the stride ignored', response: (v) => v.params.cNoStride },
    {
      part: 'd',
      why: "the image's channels used instead of layer 1's filters",
      response: (v) => String(v.params.conv3Wrong),
    },
    { part: 'e', why: 'the biases forgotten', response: (v) => String(v.params.fcNoBias) },
    { part: 'f', why: 'the biases forgotten', response: (v) => String(v.params.fcInsteadNoBias) },
  ],
};

export default question;
