/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'Without a nonlinearity between them, a stack of affine layers can represent nothing that one affine layer cannot.',
    true: true,
    why: 'A composition of affine maps is affine: $(XW_1 + b_1)W_2 + b_2 = X(W_1W_2) + (b_1W_2 + b_2)$.',
  },
  {
    text: 'tanh does not saturate, because its outputs are centred on zero.',
    true: false,
    why: 'Being zero-centred is a different property; for large $\\lvert x \\rvert$ its slope $1 - \\tanh^2(x)$ still goes to zero.',
  },
  {
    text: 'tanh(x) = 2σ(2x) − 1: tanh is a rescaled and shifted sigmoid.',
    true: true,
    why: 'Both sides equal $(e^{x} - e^{-x})/(e^{x} + e^{-x})$; the rescaling moves the range from $(0, 1)$ to $(-1, 1)$.',
  },
  {
    text: 'A dead ReLU unit comes back to life once the learning rate is lowered.',
    true: false,
    why: 'Its input is negative for every example, so its weights get a zero gradient and are never updated, whatever the learning rate; a smaller rate only helps to prevent dying.',
  },
  {
    text: 'A leaky ReLU unit cannot die, because its slope for negative inputs is not zero.',
    true: true,
    why: 'With slope $\\alpha > 0$ on the negative side, some gradient always flows back to its weights.',
  },
  {
    text: 'ReLU outputs are zero-centred, which is one reason it trains faster than the sigmoid.',
    true: false,
    why: 'ReLU outputs are never negative; its speed comes from not saturating for positive inputs.',
  },
  {
    text: 'The derivative of softplus, log(1 + eˣ), is the sigmoid function.',
    true: true,
    why: '$\\frac{d}{dx}\\log(1 + e^{x}) = e^{x}/(1 + e^{x}) = \\sigma(x)$, which is why softplus is a smooth ReLU.',
  },
  {
    text: 'A maxout unit with k pieces has as many parameters as a single ReLU unit.',
    true: false,
    why: 'It has one affine function per piece, so $k$ times the weights and biases.',
  },
  {
    text: 'If all weights of a layer start at one and the same value, its hidden units remain identical throughout training.',
    true: true,
    why: 'They compute the same output and get the same gradient at every step, so the symmetry is never broken.',
  },
  {
    text: 'Kaiming initialization uses a smaller weight variance than 1/n_in, because ReLU outputs are never negative.',
    true: false,
    why: 'ReLU halves the second moment, so Kaiming doubles the variance to $2/n_{\\text{in}}$.',
  },
  {
    text: 'ELU gives negative outputs for negative inputs, which brings the mean activation closer to zero than ReLU does.',
    true: true,
    why: 'For $x \\le 0$ it returns $\\alpha(e^{x} - 1) \\in (-\\alpha, 0]$ instead of $0$.',
  },
];

export default statementQuestion(statements);
