import type { QuestionSpec } from '@gradlab/content';

const question: QuestionSpec = {
  generate(g) {
    const k = g.pick([3, 3, 5]);
    const c1 = g.pick([16, 32, 48]);
    const c2 = g.pick([64, 96, 128]);
    const c3 = g.pick([128, 256, 512]);
    const K = g.pick([2, 5, 7, 10, 15, 37]);
    const head = c3 * K + K;
    const lastConv = c2 * c3 * k * k + c3;
    return {
      params: {
        k,
        c1,
        c2,
        c3,
        K,
        head,
        lastConv,
        both: head + lastConv,
        // for the listed mistakes
        headNoBias: c3 * K,
        oldHead: c3 * 1000 + 1000,
        noConvBias: head + c2 * c3 * k * k,
        noInputChannels: head + c3 * k * k + c3,
      },
      parts: {
        a: { type: 'integer', points: 2, key: head },
        b: { type: 'integer', points: 2, key: head + lastConv },
        c: { type: 'yes-no', points: 2, key: true, reasonPoints: 1 },
      },
    };
  },
  wrong: [
    { part: 'a', why: 'the biases of the head forgotten', response: (v) => String(v.params.headNoBias) },
    { part: 'a', why: 'the old 1000-class head counted', response: (v) => String(v.params.oldHead) },
    {
      part: 'b',
      why: 'the biases of the convolution forgotten',
      response: (v) => String(v.params.noConvBias),
    },
    {
      part: 'b',
      why: 'the input channels of the convolution forgotten (c3·k·k weights)',
      response: (v) => String(v.params.noInputChannels),
    },
    { part: 'c', why: 'no', response: () => ({ answer: false, reason: 'the backbone must be trained' }) },
  ],
};

export default question;
