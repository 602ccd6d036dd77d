import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

const penalties = ['the L1 penalty', 'the L2 penalty'];
/** each description with the index of its penalty in `penalties` */
const descriptions: [string, number][] = [
  ['the MAP estimate with a Gaussian prior on every weight', 1],
  ['the MAP estimate with a Laplace prior on every weight', 0],
  ['pushes every non-zero weight towards zero with the same force, whatever its size', 0],
  ['pulls each weight towards zero in proportion to its size', 1],
  ['tends to produce sparse weights, a kind of feature selection', 0],
  ['prefers spreading weight over many inputs to concentrating it on a few', 1],
];

const question: QuestionSpec = {
  generate(g) {
    const lr = g.pick([0.1, 0.5]);
    const lambda = g.pick([0.02, 0.05, 0.1]);
    const step = lr * lambda;
    // w0 is a whole number of L1 steps away from zero
    const k = g.int(8, 20);
    const sign = g.pick([-1, 1]);
    const w0 = round(sign * k * step);
    const n = g.int(3, 5);
    // n steps of each penalty's gradient, with the engine
    let wl2 = np.array([w0]);
    let wl1 = np.array([w0]);
    for (let t = 0; t < n; t++) {
      wl2 = wl2.subtract(wl2.multiply(2 * lambda).multiply(lr));
      wl1 = wl1.subtract(np.sign(wl1).multiply(lambda).multiply(lr));
    }
    const l2 = wl2.item();
    const l1 = wl1.item();
    const noTwo = w0 * (1 - lr * lambda) ** n;
    const shown = g.shuffle(descriptions).slice(0, 4);
    const right = g.shuffle(penalties);
    return {
      params: {
        lr,
        lambda,
        w0,
        n,
        k,
        step: round(step),
        factor: round(1 - 2 * lr * lambda),
        l2: round(l2),
        l1: round(l1),
        noTwo,
        half: Math.round(k / 2),
      },
      parts: {
        a: { type: 'numeric', points: 2, key: l2, tolerance: { rtol: 1e-3, atol: 1e-6 } },
        b: { type: 'numeric', points: 2, key: l1, tolerance: { rtol: 1e-3, atol: 1e-6 } },
        c: { type: 'integer', points: 1, key: k },
        d: {
          type: 'matching',
          points: 2,
          scoring: 'partial',
          left: shown.map((d) => d[0]),
          right,
          key: shown.map((d) => right.indexOf(penalties[d[1]] as string)),
        },
      },
    };
  },
  wrong: [
    {
      part: 'a',
      why: 'the factor 1 - eta * lambda (derivative of lambda w^2 taken as lambda w)',
      response: (v) => String(v.params.noTwo),
    },
    { part: 'b', why: 'the L2 result given for L1', response: (v) => String(v.params.l2) },
    { part: 'c', why: 'never (answered 0)', response: () => '0' },
    { part: 'c', why: 'half the steps (a step of 2 eta lambda)', response: (v) => String(v.params.half) },
    {
      part: 'd',
      why: 'L1 and L2 swapped everywhere',
      response: (v) => (v.parts.d as { key: number[] }).key.map((k) => 1 - k),
    },
  ],
};

export default question;
