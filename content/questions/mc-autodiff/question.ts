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

export default statementQuestion(statements);
