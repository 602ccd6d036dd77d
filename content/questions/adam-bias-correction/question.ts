import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const show = (a: NDArray, digits = 4) =>
  list(a)
    .map((x) => round(x, digits))
    .join(', ');

/** Which average is biased more: the first option is right. */
const answers = [
  'The second moment v, because its decay rate is the closer one to 1',
  'The first moment m, because positive and negative gradients cancel in it',
  'Both equally, because both start at zero',
  'Neither, since an exponential moving average is unbiased from its first step',
];

const b1 = 0.9;
const b2 = 0.999;

/** One Adam step at step t (t = 0 for the first), elementwise on the engine's arrays. */
function adamStep(
  theta: NDArray,
  m: NDArray,
  v: NDArray,
  grad: NDArray,
  t: number,
  lr: number,
  correct = true,
) {
  const m1 = m.multiply(b1).add(grad.multiply(1 - b1));
  const v1 = v.multiply(b2).add(grad.multiply(grad).multiply(1 - b2));
  const mHat = correct ? m1.divide(1 - b1 ** (t + 1)) : m1;
  const vHat = correct ? v1.divide(1 - b2 ** (t + 1)) : v1;
  return { theta: theta.subtract(mHat.multiply(lr).divide(np.sqrt(vHat))), m: m1, v: v1, mHat, vHat };
}

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const lr = g.pick([0.01, 0.1, 0.5]);
      const theta0 = np.array([g.int(-3, 3), g.int(-3, 3)]);
      const g0 = np.array([g.pick([-4, -2, -1, 1, 2, 4]), g.pick([-3, -1, 1, 3])]);
      const g1 = np.array([g.pick([-3, -1, 1, 2, 3]), g.pick([-2, -1, 1, 2])]);
      const zero = np.zeros([2]);
      const s1 = adamStep(theta0, zero, zero, g0, 0, lr);
      const s2 = adamStep(s1.theta, s1.m, s1.v, g1, 1, lr);
      // mistakes: no bias correction at all; the raw (uncorrected) second moment; plain RMSProp-like
      // steps that use g instead of the momentum average
      const n1 = adamStep(theta0, zero, zero, g0, 0, lr, false);
      const n2 = adamStep(n1.theta, n1.m, n1.v, g1, 1, lr, false);
      const noMomentum = s1.theta.subtract(g1.multiply(lr).divide(np.sqrt(s2.vHat)));
      const far = (a: NDArray, b: NDArray) =>
        list(a).every((x, i) => Math.abs(x - (list(b)[i] ?? 0)) > 1e-2 * (1 + Math.abs(x)));
      if (!far(s2.theta, n2.theta) || !far(s2.theta, noMomentum) || !far(s2.vHat, s2.v)) continue;
      const step2 = list(s2.theta.subtract(s1.theta));
      const options = g.shuffle(answers);
      return {
        params: {
          lr,
          theta0: show(theta0),
          g0: show(g0),
          g1: show(g1),
          m1: show(s1.m),
          v1: show(s1.v, 6),
          theta1: show(s1.theta),
          m2: show(s2.m),
          v2: show(s2.v, 6),
          mHat2: show(s2.mHat),
          vHat2: show(s2.vHat),
          theta2: show(s2.theta),
          noCorr1: show(n1.theta),
          noCorr1List: JSON.stringify(list(n1.theta)),
          noCorr2List: JSON.stringify(list(n2.theta)),
          noMomentumList: JSON.stringify(list(noMomentum)),
          rawV2List: JSON.stringify(list(s2.v)),
        },
        parts: {
          a: { type: 'numeric', points: 2, key: list(s1.theta), tolerance: { rtol: 1e-3, atol: 1e-6 } },
          b: { type: 'numeric', points: 2, key: list(s2.vHat), tolerance: { rtol: 1e-3, atol: 1e-6 } },
          c: {
            type: 'numeric',
            points: 2,
            key: list(s2.theta),
            tolerance: { rtol: 1e-3, atol: 1e-6 },
            // error carried forward: the second step does not depend on theta1, so add it to the student's own
            keyFrom: {
              parts: ['a'],
              key: ({ a }) => (a as number[]).map((x, i) => x + (step2[i] ?? 0)),
            },
          },
          d: { type: 'choice', points: 2, options, key: options.indexOf(answers[0] as string) },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'no bias correction: the first step is about 3.16 times too large',
      response: (v) => (JSON.parse(String(v.params.noCorr1List)) as number[]).map(String),
    },
    {
      part: 'b',
      why: 'the raw second moment v2, not corrected',
      response: (v) => (JSON.parse(String(v.params.rawV2List)) as number[]).map(String),
    },
    {
      part: 'c',
      why: 'no bias correction in either step',
      response: (v) => (JSON.parse(String(v.params.noCorr2List)) as number[]).map(String),
    },
    {
      part: 'c',
      why: 'the second step uses the gradient g1 instead of the corrected first moment',
      response: (v) => (JSON.parse(String(v.params.noMomentumList)) as number[]).map(String),
    },
    {
      part: 'd',
      why: 'the first moment',
      response: (v) => (v.parts.d as { options: string[] }).options.indexOf(answers[1] as string),
    },
  ],
};

export default question;
