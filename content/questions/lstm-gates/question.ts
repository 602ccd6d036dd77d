import type { QuestionSpec } from '@gradlab/content';

const roles = [
  ['input gate i', 'how much of the candidate is written into the cell'],
  ['forget gate f', 'how much of the previous cell state is kept'],
  ['output gate o', 'how much of the squashed cell state becomes the hidden state'],
  ['candidate g', 'the new content proposed for the cell, squashed by tanh'],
] as const;

const steps = [
  'the pre-activations a = W_x x + W_h h_prev + b',
  'the gates i, f, o = sigmoid(...) and the candidate g = tanh(...)',
  'the cell c = f * c_prev + i * g',
  'the hidden state h = o * tanh(c)',
];

const question: QuestionSpec = {
  generate(g) {
    const left = g.shuffle(roles.map(([name]) => name));
    const right: string[] = g.shuffle(roles.map(([, role]) => role));
    const shownSteps = g.shuffle(steps);
    return {
      params: {},
      parts: {
        a: {
          type: 'matching',
          points: 2,
          scoring: 'partial',
          left,
          right,
          key: left.map((name) => right.indexOf(roles.find(([n]) => n === name)?.[1] ?? '')),
        },
        b: { type: 'ordering', points: 2, items: shownSteps, key: steps.map((s) => shownSteps.indexOf(s)) },
        c: {
          type: 'text',
          points: 2,
          firstItems: 1,
          rubric: [
            {
              id: 'additive',
              description: 'the cell is updated additively (c = f * c_prev + i * g)',
              points: 1,
            },
            {
              id: 'forget',
              description:
                'the gradient through c is scaled by f, not by a weight matrix and a squashing derivative at every step',
              points: 1,
            },
            {
              id: 'wrong-claim',
              description: 'claims that LSTMs cannot have vanishing gradients at all',
              points: -0.5,
            },
          ],
        },
      },
    };
  },
  wrong: [
    {
      part: 'a',
      why: 'input and forget gates swapped',
      expect: 0.5,
      response: (v) => {
        const part = v.parts.a as { left: string[]; key: number[] };
        const i = part.left.indexOf('input gate i');
        const f = part.left.indexOf('forget gate f');
        return part.key.map((k, j) => (j === i ? part.key[f] : j === f ? part.key[i] : k));
      },
    },
    {
      part: 'b',
      why: 'the hidden state before the cell',
      response: (v) => {
        const key = [...(v.parts.b as { key: number[] }).key];
        [key[2], key[3]] = [key[3] as number, key[2] as number];
        return key;
      },
    },
  ],
};

export default question;
