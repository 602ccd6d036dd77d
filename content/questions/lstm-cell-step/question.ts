import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const sigmoid = (z: NDArray) => np.ones(z.shape).divide(z.negative().exp().add(1));

const gates = ['i', 'f', 'o', 'g'] as const;

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const x = g.pick([-1, 1, 2]);
      const hPrev = g.pick([-0.5, 0.5]);
      const cPrev = g.pick([-1, 0.5, 1, 2]);
      // per gate: input weight, hidden weight, bias (rows i, f, o, g)
      const w = np.array(
        gates.map(() => [g.pick([-1, -0.5, 0.5, 1, 2]), g.pick([-1, 0, 1]), g.pick([-1, 0, 0.5, 1])]),
      );
      const pre = w.matmul(np.array([[x], [hPrev], [1]]));
      const preList = list(pre);
      const sig = list(sigmoid(pre));
      const tanhPre = list(np.tanh(pre));
      const i = sig[0] as number;
      const f = sig[1] as number;
      const o = sig[2] as number;
      const cand = tanhPre[3] as number;
      const c = np.array([f * cPrev + i * cand]);
      const h = np.array([o]).multiply(np.tanh(c));
      const cVal = list(c)[0] as number;
      const hVal = list(h)[0] as number;
      // typical mistakes
      const swapped = i * cPrev + f * cand;
      const noTanh = o * cVal;
      if (Math.abs(swapped - cVal) < 0.02 || Math.abs(noTanh - hVal) < 0.02) continue;
      if (Math.abs(hVal) < 0.05 || Math.abs(cVal) < 0.05) continue;
      const d = g.pick([16, 32, 50, 100]);
      const hidden = g.pick([64, 128, 256]);
      const perGate = hidden * (d + hidden) + hidden;
      const rows = w.toArray() as number[][];
      return {
        params: {
          x,
          hPrev,
          cPrev,
          wi: rows[0]?.join(', ') ?? '',
          wf: rows[1]?.join(', ') ?? '',
          wo: rows[2]?.join(', ') ?? '',
          wg: rows[3]?.join(', ') ?? '',
          pre: preList.map((v) => round(v)).join(', '),
          gates: [i, f, o, cand].map((v) => round(v)).join(', '),
          f: round(f),
          c: round(cVal),
          tanhC: round(Math.tanh(cVal)),
          h: round(hVal),
          swapped,
          noTanh,
          d,
          hidden,
          perGate,
          total: 4 * perGate,
          vanilla: perGate,
          noBias: 4 * hidden * (d + hidden),
        },
        parts: {
          a: { type: 'numeric', points: 2, key: [i, f, o, cand], tolerance: { rtol: 2e-3, atol: 1e-3 } },
          b: {
            type: 'numeric',
            points: 1,
            key: cVal,
            tolerance: { rtol: 2e-3, atol: 1e-3 },
            keyFrom: {
              parts: ['a'],
              key: ({ a }) => {
                const [ai, af, , ag] = a as number[];
                return (af ?? 0) * cPrev + (ai ?? 0) * (ag ?? 0);
              },
            },
          },
          c: {
            type: 'numeric',
            points: 1,
            key: hVal,
            tolerance: { rtol: 2e-3, atol: 1e-3 },
            keyFrom: {
              parts: ['a', 'b'],
              key: ({ a, b }) => ((a as number[])[2] ?? 0) * Math.tanh(Number(b)),
            },
          },
          d: { type: 'numeric', points: 1, key: f, tolerance: { rtol: 2e-3, atol: 1e-3 } },
          e: { type: 'integer', points: 2, key: 4 * perGate },
        },
      };
    }
  },
  wrong: [
    {
      part: 'b',
      why: 'input and forget gates swapped (i * c_prev + f * g)',
      response: (v) => String(v.params.swapped),
    },
    {
      part: 'c',
      why: 'the output gate applied to the cell without tanh',
      response: (v) => String(v.params.noTanh),
    },
    {
      part: 'd',
      why: 'the cell path taken as the identity',
      response: () => '1',
    },
    {
      part: 'e',
      why: 'a vanilla RNN cell (one gate instead of four)',
      response: (v) => String(v.params.vanilla),
    },
    {
      part: 'e',
      why: 'the biases forgotten',
      response: (v) => String(v.params.noBias),
    },
  ],
};

export default question;
