/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'Each column of W acts as a template: the score of a class is the dot product of the input with its column, plus that class\u2019s bias.',
    true: true,
    why: 'With examples as rows, $s_j = x W_{:,j} + b_j$, one weight column per class.',
  },
  {
    text: 'A linear classifier can separate any two classes, given enough training data.',
    true: false,
    why: 'Its class borders are hyperplanes; data that no straight border splits (XOR, say) stays misclassified however much data there is.',
  },
  {
    text: 'The multiclass hinge loss of an example can be exactly zero.',
    true: true,
    why: 'As soon as the correct score beats every other one by at least the margin, every term of the sum is $\\max(0, \\text{negative}) = 0$.',
  },
  {
    text: 'The softmax cross-entropy of an example can be exactly zero for finite scores.',
    true: false,
    why: 'Every $p_j$ of the softmax is positive, so $p_y < 1$ and $-\\log p_y > 0$; the loss only approaches zero as the score gap grows without bound.',
  },
  {
    text: 'Adding the same constant to all scores of an example leaves its softmax cross-entropy unchanged.',
    true: true,
    why: 'The factor $e^{c}$ appears in the numerator and the denominator of every probability and cancels; stable implementations use exactly this with $c = -\\max_k s_k$.',
  },
  {
    text: 'With all scores equal, the softmax cross-entropy of an example with C classes is 1/C.',
    true: false,
    why: 'The probabilities are $1/C$; the loss is their negative logarithm, $\\log C$.',
  },
  {
    text: 'For the softmax cross-entropy, the gradient with respect to the score of a wrong class is never negative.',
    true: true,
    why: 'For $j \\ne y$ it equals $p_j \\ge 0$: training always pushes wrong scores down (or leaves them).',
  },
  {
    text: 'The hinge loss is the negative log-likelihood of a Bernoulli model of the labels.',
    true: false,
    why: 'No likelihood underlies it; it only asks for a margin. The Bernoulli model gives binary cross-entropy.',
  },
  {
    text: 'Once the correct class beats a wrong class by more than the margin, that wrong class contributes no gradient to the hinge loss.',
    true: true,
    why: 'Its term sits on the flat part of the max, where the derivative is zero.',
  },
  {
    text: 'Dividing the data loss by the batch size N is done in the backward pass of the affine layer, not in the loss.',
    true: false,
    why: 'The course puts $1/N$ into the loss, so it reaches the layers through the upstream gradient; a layer that divides again makes its gradients $N$ times too small.',
  },
];

export default statementQuestion(statements);
