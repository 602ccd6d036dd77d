import type { QuestionSpec } from '@gradlab/content';

/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'A residual block computes H(x) = x + R(x), so its layers only have to learn a correction to the identity.',
    true: true,
    why: 'With R(x) = 0 the block passes its input through, which makes the identity easy to reach.',
  },
  {
    text: 'Very deep plain networks (no skips) train worse than shallower ones mainly because they overfit.',
    true: false,
    why: 'Their training error is worse too: it is an optimization difficulty, not overfitting.',
  },
  {
    text: 'In the backward pass the skip connection adds the upstream gradient, unchanged, to the gradient flowing through R.',
    true: true,
    why: 'The skip is an add gate, and the Jacobian of the block is I + ∂R/∂x.',
  },
  {
    text: 'A skip connection adds learnable parameters whenever x and R(x) have the same shape.',
    true: false,
    why: 'The identity skip has no parameters; only a shape change needs a projection, e.g. a 1 × 1 convolution.',
  },
  {
    text: 'When a block doubles the channels and halves the resolution, the skip path can use a 1 × 1 convolution with stride 2.',
    true: true,
    why: 'It maps x to the shape of R(x) so the two can be added.',
  },
  {
    text: 'Residual connections make the gradient reaching early layers vanish faster with depth.',
    true: false,
    why: 'The opposite: they give the gradient a direct path through every block.',
  },
  {
    text: 'Two stacked 3 × 3 convolutions see a 5 × 5 region of their input, with fewer weights than one 5 × 5 convolution.',
    true: true,
    why: 'Receptive fields grow by K − 1 per stride-1 layer: 3 + 2 = 5, with 2 · 9 C² weights against 25 C².',
  },
  {
    text: 'A residual block must contain exactly two convolutions.',
    true: false,
    why: 'Any stack whose output has the shape of the input works; bottleneck blocks use three (1 × 1, 3 × 3, 1 × 1).',
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
