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

export default statementQuestion(statements);
