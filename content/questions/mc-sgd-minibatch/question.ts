/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'A minibatch gradient is an unbiased estimate of the gradient of the loss over the whole training set.',
    true: true,
    why: 'Each example is drawn uniformly, so the expected minibatch gradient is the full-data gradient.',
  },
  {
    text: 'Doubling the batch size halves the standard deviation of the minibatch gradient.',
    true: false,
    why: 'The noise falls with the square root of the batch size: doubling it divides the standard deviation by about 1.41.',
  },
  {
    text: 'One epoch of minibatch SGD with N examples and batch size B makes about N / B parameter updates.',
    true: true,
    why: 'Each update consumes B examples, and an epoch passes over all N of them once.',
  },
  {
    text: 'Full-batch gradient descent always reaches a lower training loss than minibatch SGD after the same number of epochs.',
    true: false,
    why: 'Per epoch it makes a single update, while SGD makes N / B noisy but useful ones; with the same budget of passes over the data SGD is usually far ahead.',
  },
  {
    text: 'Shuffling the training set between epochs keeps the minibatches from being the same groups in the same order every epoch.',
    true: true,
    why: 'Without it, any order in the data (sorted by class, say) biases every epoch the same way.',
  },
  {
    text: 'The noise of minibatch gradients is only a nuisance: it never helps optimization.',
    true: false,
    why: 'The noise can carry the parameters out of saddle regions and sharp minima.',
  },
  {
    text: 'With a larger batch, a larger learning rate is often used (for example scaled in proportion to the batch size, with a warm-up).',
    true: true,
    why: 'The gradient is less noisy, so larger steps stay stable; this is the linear scaling heuristic.',
  },
  {
    text: 'Gradient descent on a badly conditioned quadratic moves fastest along the direction of highest curvature towards the minimum.',
    true: false,
    why: 'The learning rate must stay below 2 over the largest curvature, so the flat directions, where progress is needed, are crossed slowly while the steep one oscillates.',
  },
  {
    text: 'At a saddle point the gradient is zero although the point is not a minimum.',
    true: true,
    why: 'The loss curves up in some directions and down in others; in high dimensions such points are far more common than bad local minima.',
  },
];

export default statementQuestion(statements);
