import type { QuestionSpec } from '@gradlab/content';

const growth = ['does not depend on n', 'grows linearly in n', 'grows quadratically in n'] as const;

/** quantities of one layer for n tokens, with how they grow (index into growth) */
const quantities: [string, number][] = [
  ['the number of parameters of a transformer block', 0],
  ['the number of parameters of a vanilla RNN cell', 0],
  ['the number of entries of the attention weight matrices', 2],
  ['the arithmetic for all query-key scores', 2],
  ['the memory for the queries, keys and values', 1],
  ['the arithmetic of the position-wise feed-forward network', 1],
  ['the number of steps an RNN must run one after the other', 1],
];

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const d = g.pick([256, 384, 512, 768]);
      const heads = g.pick([4, 6, 8, 12]);
      if (d % heads !== 0) continue;
      const dff = g.pick([2, 4]) * d;
      const n = g.pick([128, 256, 512, 1024]);
      const attn = 4 * (d * d + d);
      const ffn = d * dff + dff + dff * d + d;
      const norms = 2 * 2 * d;
      // one quantity of each kind, plus one more, in random order
      const byKind = [0, 1, 2].map((k) => g.pick(quantities.filter(([, kind]) => kind === k)));
      const extra = g.pick(quantities.filter((q) => !byKind.includes(q)));
      const left = g.shuffle([...byKind, extra]);
      const right: string[] = g.shuffle(growth);
      return {
        params: {
          d,
          heads,
          dk: d / heads,
          dff,
          n,
          attn,
          ffn,
          norms,
          block: attn + ffn + norms,
          weights: heads * n * n,
          perHead: heads * attn,
          noOutput: 3 * (d * d + d),
          ffnNoBias: 2 * d * dff,
          noNorms: attn + ffn,
          oneHead: n * n,
        },
        parts: {
          a: { type: 'integer', points: 2, key: attn },
          b: { type: 'integer', points: 2, key: ffn },
          c: { type: 'integer', points: 1, key: attn + ffn + norms },
          d: { type: 'integer', points: 1, key: heads * n * n },
          e: {
            type: 'matching',
            points: 2,
            scoring: 'partial',
            left: left.map(([text]) => text),
            right,
            key: left.map(([, kind]) => right.indexOf(growth[kind] as string)),
          },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'a full d_model x d_model projection per head (times h)',
      response: (v) => String(v.params.perHead),
    },
    {
      part: 'a',
      why: 'the output projection W_O forgotten',
      response: (v) => String(v.params.noOutput),
    },
    {
      part: 'b',
      why: 'the biases of the feed-forward network forgotten',
      response: (v) => String(v.params.ffnNoBias),
    },
    {
      part: 'c',
      why: 'the two layer norms left out',
      response: (v) => String(v.params.noNorms),
    },
    {
      part: 'd',
      why: 'one head only',
      response: (v) => String(v.params.oneHead),
    },
    {
      part: 'e',
      why: 'linear and quadratic swapped',
      expect: (v) => {
        const part = v.parts.e as { right: string[]; key: number[] };
        const constant = part.right.indexOf(growth[0]);
        return part.key.filter((k) => k === constant).length / part.key.length;
      },
      response: (v) => {
        const part = v.parts.e as { right: string[]; key: number[] };
        const lin = part.right.indexOf(growth[1]);
        const quad = part.right.indexOf(growth[2]);
        return part.key.map((k) => (k === lin ? quad : k === quad ? lin : k));
      },
    },
  ],
};

export default question;
