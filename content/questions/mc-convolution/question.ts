/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: "A convolutional layer's number of parameters does not depend on the height and width of its input.",
    true: true,
    why: 'It has K · K · C_in weights per filter plus a bias, whatever the image size.',
  },
  {
    text: 'A convolutional layer with 10 filters of size 3 × 3 on a 3-channel input has 10 · 3 · 3 + 10 = 100 parameters.',
    true: false,
    why: 'Each filter spans all 3 input channels: 10 · (3 · 3 · 3) + 10 = 280.',
  },
  {
    text: 'Shifting the input image shifts the output feature map of a convolution by the same amount (away from the borders, stride 1).',
    true: true,
    why: 'The same filter is applied at every position: convolution is translation equivariant.',
  },
  {
    text: 'Zero padding of P = (K − 1) / 2 with stride 1 keeps the spatial size for odd kernel sizes K.',
    true: true,
    why: '(H + 2P − K) / 1 + 1 = H when 2P = K − 1.',
  },
  {
    text: 'A stride of 2 doubles the height and width of the output.',
    true: false,
    why: 'It roughly halves them: the filter is evaluated at every second position.',
  },
  {
    text: 'Each output channel of a convolutional layer comes from its own filter.',
    true: true,
    why: 'There is one filter (and one bias) per output channel.',
  },
  {
    text: 'A fully connected layer on a 32 × 32 × 3 image needs fewer weights per output unit than a 5 × 5 convolution filter.',
    true: false,
    why: 'The fully connected unit needs 3072 weights, the filter 5 · 5 · 3 = 75, shared over every position.',
  },
  {
    text: 'The gradient of the loss with respect to a filter sums contributions from every position where the filter was applied.',
    true: true,
    why: 'The weights are shared, and gradients of a shared parameter add up.',
  },
  {
    text: 'In the course convention, a convolutional layer flips its kernel before sliding it (true convolution).',
    true: false,
    why: 'Deep-learning layers compute a cross-correlation, without flipping; since the kernel is learned, the difference does not matter.',
  },
];

export default statementQuestion(statements);
