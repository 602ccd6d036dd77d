/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'A vanilla RNN uses the same weight matrices at every time step.',
    true: true,
    why: 'The weights are shared over time, so the number of parameters does not depend on the sequence length.',
  },
  {
    text: 'Backpropagation through time adds up the gradient contributions of every time step to the shared weights.',
    true: true,
    why: 'A shared parameter is used at each step, and the gradients of all its uses sum.',
  },
  {
    text: 'Gradient clipping by norm changes the direction of the gradient.',
    true: false,
    why: 'It only rescales the whole gradient; clipping each component separately, by value, changes the direction.',
  },
  {
    text: 'Gradient clipping is a remedy for vanishing gradients.',
    true: false,
    why: 'It bounds exploding gradients; vanishing gradients need a change of architecture, such as an LSTM.',
  },
  {
    text: 'In a scalar recurrence h_t = w · h_(t−1), the gradient from step T back to step k is scaled by w to the power T − k.',
    true: true,
    why: 'Each of the T − k steps multiplies the gradient by the same w.',
  },
  {
    text: 'When the largest singular value of the recurrent matrix is below one, long-range gradients tend to grow exponentially.',
    true: false,
    why: 'Below one they shrink exponentially (vanish); above one they can explode.',
  },
  {
    text: "The LSTM's cell state is updated additively, which gives gradients a path that is not squashed at every step.",
    true: true,
    why: 'c_t = f ⊙ c_(t−1) + i ⊙ g: with a forget gate near 1 the gradient passes almost unchanged.',
  },
  {
    text: 'Truncated backpropagation through time computes exactly the same gradient as full backpropagation through time.',
    true: false,
    why: 'It stops the gradient after a fixed number of steps, so dependencies longer than that window get no gradient.',
  },
  {
    text: 'Saturated tanh units in an RNN make the gradient vanish faster.',
    true: true,
    why: 'Each step multiplies by 1 − h², which is near zero for saturated units.',
  },
];

export default statementQuestion(statements);
