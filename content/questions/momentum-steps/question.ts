import type { QuestionSpec } from '@gradlab/content';

/** One momentum step on L(w) = |w|^2 / 2 (gradient w), with the engine. */
function step(w: NDArray, v: NDArray, rho: number, lr: number) {
  const next = v.multiply(rho).subtract(w.multiply(lr));
  return { w: w.add(next), v: next };
}

const question: QuestionSpec = {
  generate(g) {
    const rho = g.pick([0.5, 0.8, 0.9]);
    const lr = g.pick([0.1, 0.2, 0.5]);
    const w0 = np.array([g.int(-5, 5) || 2, g.int(1, 6)]);
    const first = step(w0, np.zeros([2]), rho, lr);
    const second = step(first.w, first.v, rho, lr);
    const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
    const fmt = (a: NDArray) =>
      `[${list(a)
        .map((x) => Number(x.toFixed(4)))
        .join(', ')}]`;
    return {
      params: {
        rho,
        lr,
        w0: fmt(w0),
        w1: fmt(first.w),
        v1: fmt(first.v),
        w2: fmt(second.w),
        v2: fmt(second.v),
      },
      parts: {
        a: { type: 'numeric', points: 2, key: list(first.w), tolerance: { rtol: 1e-3, atol: 1e-6 } },
        b: {
          type: 'numeric',
          points: 2,
          key: list(second.w),
          tolerance: { rtol: 1e-3, atol: 1e-6 },
          // error carried forward: the second step from the student's own w1 (v1 = w1 - w0)
          keyFrom: {
            parts: ['a'],
            key: ({ a }) => {
              const w1 = np.array(a as number[]);
              const v1 = w1.subtract(w0);
              return list(step(w1, v1, rho, lr).w);
            },
          },
        },
      },
    };
  },
  wrong: [
    {
      part: 'a',
      why: 'the step added with a plus sign (w + lr * grad)',
      response: (v) =>
        `[${(v.parts.a as { key: number[] }).key.map((x, i) => x + 2 * Number(JSON.parse(String(v.params.w0))[i]) * Number(v.params.lr)).join(', ')}]`,
    },
    {
      part: 'b',
      why: 'the velocity not carried over (plain SGD)',
      response: (v) => {
        const w1 = (v.parts.a as { key: number[] }).key;
        return `[${w1.map((x) => x - Number(v.params.lr) * x).join(', ')}]`;
      },
    },
  ],
};

export default question;
