/** The activation functions of lecture 5 with their derivatives (ReLU'(0) = 0, and likewise at every kink). */

export type ActivationId = 'sigmoid' | 'tanh' | 'relu' | 'leaky' | 'elu' | 'softplus' | 'swish';

export interface Activation {
  name: string;
  f: (x: number, alpha: number) => number;
  df: (x: number, alpha: number) => number;
  /** whether the slope parameter alpha is used */
  usesAlpha: boolean;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export const activations: Record<ActivationId, Activation> = {
  sigmoid: { name: 'sigmoid', f: sigmoid, df: (x) => sigmoid(x) * (1 - sigmoid(x)), usesAlpha: false },
  tanh: { name: 'tanh', f: Math.tanh, df: (x) => 1 - Math.tanh(x) ** 2, usesAlpha: false },
  relu: { name: 'ReLU', f: (x) => Math.max(0, x), df: (x) => (x > 0 ? 1 : 0), usesAlpha: false },
  leaky: {
    name: 'leaky ReLU',
    f: (x, a) => (x > 0 ? x : a * x),
    df: (x, a) => (x > 0 ? 1 : a),
    usesAlpha: true,
  },
  elu: {
    name: 'ELU',
    f: (x, a) => (x > 0 ? x : a * (Math.exp(x) - 1)),
    df: (x, a) => (x > 0 ? 1 : a * Math.exp(x)),
    usesAlpha: true,
  },
  softplus: { name: 'softplus', f: (x) => Math.log1p(Math.exp(x)), df: sigmoid, usesAlpha: false },
  swish: {
    name: 'swish (SiLU)',
    f: (x) => x * sigmoid(x),
    df: (x) => sigmoid(x) + x * sigmoid(x) * (1 - sigmoid(x)),
    usesAlpha: false,
  },
};

export const activationIds = Object.keys(activations) as ActivationId[];
