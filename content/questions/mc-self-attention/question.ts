/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'Without positional information, permuting the input tokens of self-attention permutes its outputs in the same way.',
    true: true,
    why: 'Attention treats its input as a set: it is permutation equivariant.',
  },
  {
    text: 'Dividing the scores by √d_k keeps their variance near one, so the softmax does not saturate.',
    true: true,
    why: 'For unit-variance entries q · k has variance d_k; unscaled, the softmax becomes nearly one-hot and its gradient nearly vanishes.',
  },
  {
    text: 'The cost of self-attention over a sequence of T tokens grows linearly in T.',
    true: false,
    why: 'Every token attends to every other: the score matrix has T² entries.',
  },
  {
    text: 'A causal mask sets the scores of future positions to −∞ before the softmax, so their weights are exactly zero.',
    true: true,
    why: 'exp(−∞) = 0, and each row still sums to one over the visible positions.',
  },
  {
    text: 'The attention weights of one query sum to one over the keys.',
    true: true,
    why: 'They are a softmax over the keys.',
  },
  {
    text: 'A causal mask is applied after the softmax by zeroing the weights of future positions.',
    true: false,
    why: 'Zeroing after the softmax leaves rows that no longer sum to one; the mask is applied to the scores, before the softmax.',
  },
  {
    text: 'In self-attention the queries come from one sequence and the keys and values from another.',
    true: false,
    why: 'That is cross-attention; in self-attention queries, keys and values all come from the same sequence.',
  },
  {
    text: 'Multi-head attention with h heads of width d/h costs about as many projection parameters as one head of width d.',
    true: true,
    why: 'The heads split the d columns of each projection between them.',
  },
  {
    text: 'Sinusoidal positional encodings have to be learned from data.',
    true: false,
    why: 'They are fixed functions of the position; learned position embeddings are an alternative.',
  },
];

export default statementQuestion(statements);
