/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'The gradient of the bias b is the sum over the rows (the examples) of the upstream gradient dY.',
    true: true,
    why: 'The same $b_j$ enters every row of column $j$, a fork, so the contributions of all $N$ rows add up.',
  },
  {
    text: 'The backward pass of the affine layer should divide its weight gradient by the batch size N.',
    true: false,
    why: 'The average over the batch is already in the loss and so in $dY$; dividing again leaves the gradient $N$ times too small, which a gradient check catches.',
  },
  {
    text: 'The gradient of the scalar loss with respect to any array in the network has the same shape as that array.',
    true: true,
    why: 'There is exactly one partial derivative per entry, because the loss is one number.',
  },
  {
    text: 'The Jacobian of an elementwise activation on a vector of n entries has, in general, n\u00b2 non-zero entries.',
    true: false,
    why: 'Output $i$ depends on input $i$ only, so the Jacobian is diagonal with at most $n$ non-zeros, and the backward pass is an entrywise product.',
  },
  {
    text: 'Computing all gradients with one backward pass costs roughly two forward passes, however many parameters the network has.',
    true: true,
    why: 'Each affine layer does two matrix products the size of its forward product, one for the input and one for the weights.',
  },
  {
    text: 'A multiply gate passes the upstream gradient unchanged to both of its inputs.',
    true: false,
    why: 'Each input gets the upstream gradient times the other factor; copying unchanged is what an add gate does.',
  },
  {
    text: 'A max gate sends no gradient at all to the inputs that did not win.',
    true: true,
    why: 'Their local derivative is zero; the winner receives the whole upstream gradient.',
  },
  {
    text: 'In this course, a ReLU passes the upstream gradient through where its input is exactly zero.',
    true: false,
    why: "The convention is $\\mathrm{ReLU}'(0) = 0$: the gradient flows only where the input was strictly positive.",
  },
  {
    text: 'A sigmoid node can compute its local derivative from its saved output alone.',
    true: true,
    why: 'With $f = \\sigma(s)$ the derivative is $f(1 - f)$, so neither $s$ nor a new exponential is needed.',
  },
  {
    text: 'The input gradient is dX = dY W, an N \u00d7 D matrix.',
    true: false,
    why: '$dY$ is $N \\times M$ and $W$ is $D \\times M$, so that product only fits when $D = M$, and even then it is wrong; the right one is $dY\\,W^\\top$.',
  },
];

export default statementQuestion(statements);
