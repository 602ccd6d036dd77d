import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const far = (a: number, b: number) => Math.abs(a - b) > 0.02 * Math.max(1, Math.abs(b));

const behaviours = [
  'it grows exponentially (explodes)',
  'it shrinks exponentially (vanishes)',
  'it keeps its size',
] as const;

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const u = g.pick([0.5, 1, 2]);
      const w = g.pick([-1, -0.5, 0.5, 1, 1.5]);
      const xs = [g.pick([-1, 1, 2]), g.pick([-1, -0.5, 0.5, 1]), g.pick([-2, -1, 1, 2])];
      // forward with the engine: a_t = x_t u + h_(t-1) w, h_t = tanh(a_t)
      let h = np.array([0]);
      const hs: number[] = [];
      for (const x of xs) {
        h = np.tanh(np.array([x * u]).add(h.multiply(w)));
        hs.push(list(h)[0] as number);
      }
      const [h1, h2, h3] = hs as [number, number, number];
      const d3 = 1 - h3 * h3;
      const d2 = 1 - h2 * h2;
      const d1 = 1 - h1 * h1;
      const grad = d3 * w * d2 * w;
      const noTanh = w * w;
      const shifted = d2 * w * d1 * w;
      const three = grad * d1;
      if (Math.abs(grad) < 0.02) continue;
      if (!far(noTanh, grad) || !far(shifted, grad) || !far(three, grad)) continue;
      // the linear scalar recurrence h_t = w' h_(t-1) over many steps
      const wLin = g.pick([0.5, 0.8, 0.9, 1.1, 1.2, 1.5]);
      const steps = g.pick([10, 20, 30]);
      const factor = wLin ** steps;
      const behaviour = wLin > 1 ? behaviours[0] : behaviours[1];
      const options = g.shuffle(behaviours);
      return {
        params: {
          u,
          w,
          x1: xs[0] as number,
          x2: xs[1] as number,
          x3: xs[2] as number,
          h1: round(h1),
          h2: round(h2),
          h3: round(h3),
          d1: round(d1),
          d2: round(d2),
          d3: round(d3),
          grad: round(grad, 5),
          noTanh,
          shifted,
          wLin,
          steps,
          factor: Number(factor.toPrecision(4)),
          product: wLin * steps,
          side: wLin > 1 ? 'above' : 'below',
          trend: wLin > 1 ? 'grows without bound as n grows' : 'goes to zero as n grows',
          other: wLin > 1 ? behaviours[1] : behaviours[0],
        },
        parts: {
          a: { type: 'numeric', points: 2, key: hs, tolerance: { rtol: 2e-3, atol: 1e-3 } },
          b: {
            type: 'numeric',
            points: 2,
            key: grad,
            tolerance: { rtol: 5e-3, atol: 1e-3 },
            keyFrom: {
              parts: ['a'],
              key: ({ a }) => {
                const [, s2, s3] = a as number[];
                return (1 - (s3 ?? 0) ** 2) * w * (1 - (s2 ?? 0) ** 2) * w;
              },
            },
          },
          c: { type: 'numeric', points: 1, key: factor, tolerance: { rtol: 5e-3 } },
          d: { type: 'choice', points: 1, options, key: options.indexOf(behaviour) },
        },
      };
    }
  },
  wrong: [
    {
      part: 'b',
      why: "tanh's derivative left out (w^2 only)",
      response: (v) => String(v.params.noTanh),
    },
    {
      part: 'b',
      why: "the tanh' factors of the wrong steps (h_2 and h_1 instead of h_3 and h_2)",
      response: (v) => String(v.params.shifted),
    },
    {
      part: 'c',
      why: "w' multiplied by the number of steps instead of raised to it",
      response: (v) => String(v.params.product),
    },
    {
      part: 'd',
      why: 'explode and vanish confused',
      response: (v) => (v.parts.d as { options: string[] }).options.indexOf(String(v.params.other)),
    },
  ],
};

export default question;
