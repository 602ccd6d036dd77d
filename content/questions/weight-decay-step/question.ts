import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const lambda = g.pick([0.05, 0.1, 0.2, 0.25]);
      const lr = g.pick([0.1, 0.2, 0.5]);
      const wList = [0, 1, 2].map(() => g.pick([-2, -1.5, -0.5, 0.5, 1.5, 2, 3]));
      const gList = [0, 1, 2].map(() => g.pick([-2, -1, -0.5, 0.5, 1, 2]));
      const w = np.array(wList);
      const grad = np.array(gList);
      // the penalty lambda * sum(w^2) and its gradient 2 * lambda * w
      const penalty = w.multiply(w).sum().item() * lambda;
      const full = grad.add(w.multiply(2 * lambda));
      const next = w.subtract(full.multiply(lr));
      // decoupled decay with rate 2 * lambda gives the same step
      const decayRate = 2 * lambda;
      const viaDecay = w.multiply(1 - lr * decayRate).subtract(grad.multiply(lr));
      // typical slips: the gradient of the penalty taken as lambda * w (no factor 2), the L1 penalty
      const noTwo = grad.add(w.multiply(lambda));
      const noTwoStep = w.subtract(noTwo.multiply(lr));
      const l1 = np.abs(w).sum().item() * lambda;
      if (Math.abs(l1 - penalty) < 1e-3) continue;
      if (list(viaDecay).some((v, i) => Math.abs(v - (list(next)[i] ?? 0)) > 1e-9)) continue;
      return {
        params: {
          lambda,
          lr,
          w: wList.join(', '),
          g: gList.join(', '),
          penalty: round(penalty),
          penaltyGrad: list(w.multiply(2 * lambda))
            .map((v) => round(v))
            .join(', '),
          full: list(full)
            .map((v) => round(v))
            .join(', '),
          next: list(next)
            .map((v) => round(v))
            .join(', '),
          decayRate: round(decayRate),
          factor: round(1 - lr * decayRate),
          noTwo: JSON.stringify(list(noTwo)),
          noTwoStep: JSON.stringify(list(noTwoStep)),
          l1,
        },
        parts: {
          a: { type: 'numeric', points: 1, key: penalty, tolerance: { rtol: 1e-3, atol: 1e-6 } },
          b: { type: 'numeric', points: 2, key: list(full), tolerance: { rtol: 1e-3, atol: 1e-6 } },
          c: { type: 'numeric', points: 2, key: list(next), tolerance: { rtol: 1e-3, atol: 1e-6 } },
          d: { type: 'numeric', points: 1, key: decayRate, tolerance: { rtol: 1e-3, atol: 1e-6 } },
          e: { type: 'yes-no', points: 2, key: false, reasonPoints: 1 },
        },
      };
    }
  },
  wrong: [
    { part: 'a', why: 'the L1 penalty lambda * sum |w|', response: (v) => String(v.params.l1) },
    {
      part: 'b',
      why: 'the penalty gradient taken as lambda * w (factor 2 forgotten)',
      response: (v) => (JSON.parse(String(v.params.noTwo)) as number[]).map(String),
    },
    {
      part: 'c',
      why: 'the step with lambda * w instead of 2 * lambda * w',
      response: (v) => (JSON.parse(String(v.params.noTwoStep)) as number[]).map(String),
    },
    { part: 'd', why: "lambda' = lambda", response: (v) => String(v.params.lambda) },
    {
      part: 'e',
      why: 'yes',
      response: () => ({ answer: true, reason: 'L2 and weight decay are the same thing' }),
    },
  ],
};

export default question;
