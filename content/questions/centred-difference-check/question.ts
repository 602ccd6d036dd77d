import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const a = g.pick([1, 2, 3]);
      const b = g.int(1, 6);
      const theta = g.pick([-2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2]);
      const h = g.pick([0.1, 0.2, 0.05]);
      const f = (t: number) => a * t ** 3 - b * t;
      const exact = 3 * a * theta ** 2 - b;
      // the exact derivative must be clearly away from zero (else the relative error is dominated by the floor)
      if (Math.abs(exact) < 1) continue;
      const centred = (f(theta + h) - f(theta - h)) / (2 * h);
      const oneSided = (f(theta + h) - f(theta)) / h;
      const rel = Math.abs(exact - centred) / Math.max(1e-8, Math.abs(exact) + Math.abs(centred));
      // error of the centred difference at h and at h / 2 (a cubic: exactly a h^2, so the ratio is 4)
      const errH = Math.abs(centred - exact);
      const half = h / 2;
      const errHalf = Math.abs((f(theta + half) - f(theta - half)) / (2 * half) - exact);
      const factor = Math.round(errH / errHalf);
      const absolute = errH;
      // the absolute error must not pass for the relative one
      if (Math.abs(absolute - rel) <= 5e-3 * rel) continue;
      return {
        params: {
          a,
          b,
          theta,
          h,
          exact,
          fPlus: round(f(theta + h)),
          fMinus: round(f(theta - h)),
          f0: round(f(theta)),
          centred: round(centred),
          oneSided: round(oneSided),
          diff: round(errH, 8),
          rel: rel.toPrecision(4),
          factor,
          halfStep: centred * 2,
          absolute,
        },
        parts: {
          a: { type: 'numeric', points: 2, key: centred, tolerance: { rtol: 1e-5, atol: 1e-6 } },
          b: { type: 'numeric', points: 1, key: oneSided, tolerance: { rtol: 1e-5, atol: 1e-6 } },
          c: { type: 'numeric', points: 2, key: rel, tolerance: { rtol: 5e-3, atol: 1e-9 } },
          d: { type: 'integer', points: 1, key: factor },
        },
      };
    }
  },
  wrong: [
    { part: 'a', why: 'divided by h instead of 2h', response: (v) => String(v.params.halfStep) },
    { part: 'b', why: 'the centred difference given again', response: (v) => String(v.params.centred) },
    {
      part: 'c',
      why: 'the absolute difference instead of the relative error',
      response: (v) => String(v.params.absolute),
    },
    { part: 'd', why: 'an error linear in h (the one-sided difference)', response: () => '2' },
    { part: 'd', why: 'no change', response: () => '1' },
  ],
};

export default question;
