/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'The penalty strength λ must be tuned on held-out data, because on the training set λ = 0 always gives the lowest loss.',
    true: true,
    why: 'The penalty can only add to the training objective; what $\\lambda$ buys is generalisation, which only data the model was not fitted to can measure.',
  },
  {
    text: 'Biases are normally penalised just like weights, since they make the learned function more wiggly.',
    true: false,
    why: 'A bias only shifts the function and does not make it more complex, so it is usually left out of the penalty.',
  },
  {
    text: 'With plain SGD, adding (λ′/2)·‖w‖² to the loss gives exactly the update of weight decay with rate λ′.',
    true: true,
    why: "The step $w - \\eta(g + \\lambda' w)$ expands to $(1 - \\eta\\lambda')w - \\eta g$.",
  },
  {
    text: 'With Adam, an L2 term added to the loss shrinks every weight by the same factor per step.',
    true: false,
    why: 'Adam divides the L2 gradient by the running magnitude of each component, so weights with large data gradients hardly decay; only decoupled decay (AdamW) treats all weights alike.',
  },
  {
    text: 'An L1 penalty tends to drive weights that the data barely supports to exactly zero.',
    true: true,
    why: 'Its pull has size $\\lambda$ whatever the weight, so a weaker data gradient cannot hold the weight away from zero: L1 gives sparse models.',
  },
  {
    text: 'At test time, an inverted-dropout layer multiplies its inputs by the keep probability.',
    true: false,
    why: 'It is the identity at test time; the division by $q$ already happened during training, which keeps the expectation unchanged.',
  },
  {
    text: 'Dropout on a layer of n units samples from 2ⁿ thinned sub-networks that all share one set of weights.',
    true: true,
    why: 'Every mask gives a sub-network; the full network at test time approximates averaging this ensemble.',
  },
  {
    text: 'Flipping images upside down is a label-preserving augmentation for any image classification task.',
    true: false,
    why: 'An augmentation must keep the label: for digits a vertical flip turns a 6 into a 9.',
  },
  {
    text: 'Early stopping returns the parameters of the epoch with the lowest validation loss rather than those of the last epoch trained.',
    true: true,
    why: 'By the time the patience runs out, the model has already trained for several epochs past its best validation loss.',
  },
  {
    text: 'Maximum a posteriori training with a Laplace prior on each weight amounts to an L2 penalty.',
    true: false,
    why: 'The negative log of a Laplace density is proportional to $\\lvert w \\rvert$, which gives L1; a Gaussian prior gives L2.',
  },
  {
    text: 'A good regularizer lowers the training loss as well as the validation loss.',
    true: false,
    why: 'Regularization usually costs a little training fit; its purpose is to narrow the gap between training and validation performance.',
  },
];

export default statementQuestion(statements);
