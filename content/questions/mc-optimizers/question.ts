/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'With momentum coefficient 0.9 and a gradient that keeps the same value, the steps grow to about ten times a plain gradient step.',
    true: true,
    why: 'The velocity settles where v = 0.9 v - lr g, so v = -lr g / (1 - 0.9), a factor of 1 / (1 - rho) = 10.',
  },
  {
    text: 'Momentum amplifies the oscillation across a narrow valley, because it accumulates the steps taken in both directions.',
    true: false,
    why: 'Across the valley the gradient flips sign at every step, so successive contributions to the velocity cancel and the zig-zag is damped; only consistent directions add up.',
  },
  {
    text: 'Nesterov momentum computes the gradient at the point the velocity is about to carry the parameters to, not at the current parameters.',
    true: true,
    why: 'Its update uses the gradient at theta + rho v; if that look-ahead point has overshot, the gradient there points back and brakes early.',
  },
  {
    text: 'AdaGrad can keep training at the same speed indefinitely, because every parameter gets its own learning rate.',
    true: false,
    why: 'Its accumulator of squared gradients never shrinks, so the effective rate eta / sqrt(s) only decreases and progress can stall.',
  },
  {
    text: 'RMSProp differs from AdaGrad in that it averages the squared gradients with an exponential decay, so that old gradients are forgotten.',
    true: true,
    why: 'Replacing the running sum by a moving average keeps the per-parameter scale from growing without bound.',
  },
  {
    text: 'Adam with bias correction moves each parameter by about the learning rate in its first step, whatever the size of the first gradient.',
    true: true,
    why: 'After one step the corrected moments are g and g squared, and their ratio g / |g| has magnitude one.',
  },
  {
    text: 'Without bias correction, Adam would make its first steps too small, because both moving averages start at zero.',
    true: false,
    why: 'Both averages are too small early on, but the second moment much more (beta2 = 0.999), and it sits under a square root in the denominator: the uncorrected steps are too large, about 3.16 times at the first step.',
  },
  {
    text: "Newton's method needs no learning rate and solves a quadratic with any condition number in a single step.",
    true: true,
    why: 'Its model of a quadratic is exact, and scaling by the inverse Hessian undoes the different curvatures of the directions.',
  },
  {
    text: "Newton's method is preferred for large networks because each of its steps costs about as much as a gradient step.",
    true: false,
    why: 'For n parameters the Hessian has n^2 entries and solving with it costs on the order of n^3, far out of reach for millions of parameters.',
  },
  {
    text: "Newton's method only moves towards minima, never towards saddle points.",
    true: false,
    why: 'It jumps to where its quadratic model has zero gradient, which can be a saddle or even a maximum.',
  },
];

export default statementQuestion(statements);
