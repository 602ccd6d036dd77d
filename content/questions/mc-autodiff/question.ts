import type { QuestionSpec } from '@gradlab/content';

/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'Reverse mode needs one backward pass per scalar output to get the derivatives with respect to all inputs.',
    true: true,
    why: 'It pulls the derivative of one output back through the graph to every input at once.',
  },
  {
    text: 'Forward-mode differentiation is the better choice for a loss with millions of parameters.',
    true: false,
    why: 'Forward mode needs one pass per input, here millions of passes; reverse mode needs one.',
  },
  {
    text: 'Training uses more memory than inference partly because intermediate values are kept for the backward pass.',
    true: true,
    why: 'Backward rules need the saved inputs and outputs of each operation (the tape).',
  },
  {
    text: 'When a value feeds two operations, the gradients arriving from both are added.',
    true: true,
    why: 'By the multivariable chain rule the contributions of all paths sum, which is why .grad is accumulated with +=.',
  },
  {
    text: 'The backward pass may visit the nodes in any order, as long as every node is visited once.',
    true: false,
    why: 'A node may only pass its gradient on once all of its consumers have added theirs: reverse topological order.',
  },
  {
    text: 'The gradient of the loss with respect to itself, the seed of the backward pass, is 0.',
    true: false,
    why: 'The seed is dL/dL = 1.',
  },
  {
    text: 'A backward rule multiplies the upstream gradient by the local derivative of the operation (a vector-Jacobian product).',
    true: true,
    why: 'That is the chain rule applied one node at a time.',
  },
  {
    text: 'Backpropagation computes the full Jacobian matrix of every layer explicitly.',
    true: false,
    why: 'It only computes vector-Jacobian products; for an affine layer the Jacobian would be enormous and mostly zeros.',
  },
];

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const shown = g.shuffle(statements).slice(0, 4);
      const key = shown.flatMap((s, i) => (s.true ? [i] : []));
      // one to three true statements, so that "every option" and "no option" are always wrong
      if (key.length < 1 || key.length > 3) continue;
      return {
        params: {
          verdicts: shown.map((s, i) => `- (${i + 1}) **${s.true ? 'True' : 'False'}.** ${s.why}`).join('\n'),
        },
        parts: {
          a: {
            type: 'multi',
            points: 2,
            scoring: 'all-or-nothing',
            options: shown.map((s) => s.text),
            key,
          },
        },
      };
    }
  },
  wrong: [
    { part: 'a', why: 'every option', response: () => [0, 1, 2, 3] },
    { part: 'a', why: 'no option', response: () => [] },
    {
      part: 'a',
      why: 'the true statements and one false one',
      response: (v) => {
        const key = (v.parts.a as { key: number[] }).key;
        return [...key, [0, 1, 2, 3].find((i) => !key.includes(i)) as number];
      },
    },
    {
      part: 'a',
      why: 'only the first true statement, or one true statement fewer',
      response: (v) => (v.parts.a as { key: number[] }).key.slice(1),
    },
  ],
};

export default question;
