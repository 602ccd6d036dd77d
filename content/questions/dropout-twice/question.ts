import type { QuestionSpec } from '@gradlab/content';

const question: QuestionSpec = {
  generate(g) {
    const p = g.pick([0.1, 0.2, 0.25, 0.3, 0.4, 0.5]);
    const q = g.pick([0.1, 0.2, 0.3, 0.5, 0.6]);
    // kept only when both keep it: 1 - (1 - p)(1 - q), computed with the engine
    const keep = np.array([1 - p]).multiply(1 - q);
    const dropped = keep.negative().add(1).item();
    return {
      params: { p, q, dropped: Number(dropped.toFixed(4)) },
      parts: {
        a: { type: 'expression', points: 2, key: 'p + q - p*q', variables: { p: [0, 1], q: [0, 1] } },
        b: { type: 'numeric', points: 1, key: dropped, tolerance: { atol: 1e-3 } },
        c: { type: 'yes-no', points: 2, key: true, reasonPoints: 1 },
      },
    };
  },
  wrong: [
    // the seed's own solution writes p + q - 2pq (see CONTENT.md): it is wrong
    { part: 'a', why: 'p + q - 2pq, as one source has it', response: () => 'p + q - 2*p*q' },
    { part: 'a', why: 'the sum p + q', response: () => 'p + q' },
    { part: 'b', why: 'the product pq', response: (v) => String(Number(v.params.p) * Number(v.params.q)) },
    { part: 'c', why: 'no', response: () => ({ answer: false, reason: 'the scaling differs' }) },
  ],
};

export default question;
