/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'The centred difference (f(x + h) − f(x − h)) / 2h has an error of order h², the one-sided difference an error of order h.',
    true: true,
    why: 'The even terms of the Taylor expansion cancel in the centred form.',
  },
  {
    text: 'The smaller the step h, the more accurate a numeric gradient in floating point.',
    true: false,
    why: 'Below about 1e-5 (float64) round-off in f(x + h) − f(x − h) grows faster than the truncation error shrinks.',
  },
  {
    text: 'A gradient check compares the relative error, not the absolute difference, because gradients of very different sizes occur.',
    true: true,
    why: 'A difference of 1e-4 is alarming for a gradient of size 1e-3 and harmless for one of size 1e3.',
  },
  {
    text: 'A ReLU network can fail a gradient check with a correct backward pass when an input of some unit lies within h of zero.',
    true: true,
    why: 'The difference then straddles the kink and measures a slope that neither side has.',
  },
  {
    text: 'Gradient checks should be run with dropout active, so that the check covers the whole training forward pass.',
    true: false,
    why: 'Each forward pass would draw a new mask; fix the randomness (or turn dropout off) first, or the check compares different functions.',
  },
  {
    text: 'Checking a layer on one small random input and a random upstream gradient tests its backward pass for every entry of that input.',
    true: true,
    why: 'A random upstream gradient mixes every output, so any wrong entry of the Jacobian shows.',
  },
  {
    text: 'A backward pass that passes the gradient check in float32 with h = 1e-7 is proven correct.',
    true: false,
    why: 'In float32 such a step is lost to round-off; checks are run in float64 with h around 1e-5.',
  },
  {
    text: 'A relative error of about 1e-2 in a smooth layer usually means the analytic gradient is wrong.',
    true: true,
    why: 'A correct gradient in float64 agrees to about 1e-7 or better away from kinks.',
  },
  {
    text: 'A gradient check is needed only once: after it passes, the forward pass can be changed freely.',
    true: false,
    why: 'Any change of the forward pass needs the backward pass to change with it, and a new check.',
  },
];

export default statementQuestion(statements);
