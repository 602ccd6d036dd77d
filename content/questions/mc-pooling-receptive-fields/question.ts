/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'A max pooling layer has no learnable parameters.',
    true: true,
    why: 'It only picks the largest value of each window; there is nothing to train.',
  },
  {
    text: 'Max pooling with 2 × 2 windows and stride 2 halves the number of channels.',
    true: false,
    why: 'Pooling acts on every channel separately: height and width are halved, the channel count stays.',
  },
  {
    text: 'In the backward pass of max pooling, an input position that is not the maximum of any window receives zero gradient.',
    true: true,
    why: 'Max pooling is a max gate: only the winner of a window gets that window’s upstream gradient.',
  },
  {
    text: 'Average pooling passes the whole upstream gradient of a window to the largest input of that window.',
    true: false,
    why: 'That is the max gate. Average pooling shares it equally: each of the k² inputs gets 1/k² of it.',
  },
  {
    text: 'A 1 × 1 convolution from C to C′ channels applies the same fully connected layer to the C-vector of every pixel.',
    true: true,
    why: 'Each output pixel is a weighted sum of the channels at that pixel plus a bias, with weights shared over positions.',
  },
  {
    text: 'A 1 × 1 convolution cannot change the number of channels, only mix them.',
    true: false,
    why: 'It has one filter per output channel, as many as we like: bottlenecks use it to reduce and expand channels.',
  },
  {
    text: 'The receptive field of a single 1 × 1 convolution covers the whole image.',
    true: false,
    why: 'Each of its outputs depends on one pixel only (a fully connected layer is the one that sees everything).',
  },
  {
    text: 'A stride-2 layer early in a network makes every later layer enlarge the receptive field twice as much as without it.',
    true: true,
    why: 'Each layer adds (k − 1) times the product of the earlier strides, and that product doubled.',
  },
  {
    text: 'However many stride-1 3 × 3 convolutions are stacked, each output still sees only 3 × 3 input pixels.',
    true: false,
    why: 'Every further layer adds 2: L such layers see (2L + 1) × (2L + 1) pixels.',
  },
  {
    text: 'Global average pooling turns a C × H × W feature map into C numbers.',
    true: true,
    why: 'It averages every channel over all its positions, one value per channel.',
  },
  {
    text: 'Max pooling makes the output of a network exactly invariant to translations of the input by any amount.',
    true: false,
    why: 'It only gives a little robustness to small shifts (within a window); large shifts still change the output.',
  },
];

export default statementQuestion(statements);
