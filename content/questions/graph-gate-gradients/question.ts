import type { QuestionSpec } from '@gradlab/content';

const gates = [
  ['add gate', 'passes it unchanged to every input'],
  ['multiply gate', 'multiplies it by the other input, for each input'],
  ['max gate', 'sends all of it to the larger input and nothing to the others'],
  ['a value used by two nodes (fork)', 'adds up the gradients arriving from the branches'],
] as const;
const spare = 'multiplies it by the input itself, for each input';

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const [x, y, z, w] = [g.int(-3, 5), g.int(-4, 4), g.int(-3, 5), g.int(-3, 5)] as [
        number,
        number,
        number,
        number,
      ];
      // no tie in the max (a kink), and the fork of part d must use both branches: x > w
      if (z === w || x <= w) continue;
      const q = x + y;
      const m = Math.max(z, w);
      // both factors non-zero and different, so that every listed mistake differs from the key
      if (q === 0 || m === 0 || q === m || Math.abs(q) === Math.abs(m)) continue;
      const f = q * m;
      const dq = m; // multiply gate: the other input
      const dm = q;
      const dx = dq; // add gate: copied
      const dy = dq;
      const dz = z > w ? dm : 0; // max gate: routed to the winner
      const dw = z > w ? 0 : dm;
      // part d: x feeds the add and (as the winner) the max, so both branches add up
      const m2 = Math.max(x, w);
      const dx2 = m2 * 1 + q * (x > w ? 1 : 0);
      if (m2 === 0 || dx2 === m2 || dx2 === q) continue;
      const left = g.shuffle(gates.map(([k]) => k));
      const right: string[] = g.shuffle([...gates.map(([, d]) => d), spare]);
      return {
        params: {
          x,
          y,
          z,
          w,
          q,
          m,
          f,
          winner: z > w ? 'z' : 'w',
          loser: z > w ? 'w' : 'z',
          grads: [dx, dy, dz, dw].join(', '),
          m2,
          dx2,
          gradsJson: JSON.stringify([dx, dy, dz, dw]),
          ownValue: JSON.stringify([q, q, dz, dw]),
          split: JSON.stringify([dx, dy, q / 2, q / 2]),
        },
        parts: {
          a: { type: 'numeric', points: 1, key: f, tolerance: { rtol: 1e-6, atol: 1e-9 } },
          b: { type: 'numeric', points: 3, key: [dx, dy, dz, dw], tolerance: { rtol: 1e-6, atol: 1e-9 } },
          c: {
            type: 'matching',
            points: 2,
            scoring: 'partial',
            left,
            right,
            key: left.map((k) => right.indexOf(gates.find(([n]) => n === k)?.[1] ?? '')),
          },
          d: { type: 'numeric', points: 2, key: dx2, tolerance: { rtol: 1e-6, atol: 1e-9 } },
        },
      };
    }
  },
  wrong: [
    {
      part: 'b',
      why: 'the multiply gate sends each input its own value (x and y get q)',
      response: (v) => (JSON.parse(String(v.params.ownValue)) as number[]).map(String),
    },
    {
      part: 'b',
      why: 'the max gate shares the gradient equally',
      response: (v) => (JSON.parse(String(v.params.split)) as number[]).map(String),
    },
    {
      part: 'b',
      why: 'the max gate routes to the smaller input',
      response: (v) => {
        const [a, b, c, d] = JSON.parse(String(v.params.gradsJson)) as number[];
        return [a, b, d, c].map(String);
      },
    },
    {
      part: 'c',
      why: 'add and multiply swapped',
      expect: 0.5,
      response: (v) => {
        const part = v.parts.c as { left: string[]; key: number[] };
        const i = part.left.indexOf(gates[0][0]);
        const j = part.left.indexOf(gates[1][0]);
        return part.key.map((k, n) => (n === i ? part.key[j] : n === j ? part.key[i] : k));
      },
    },
    {
      part: 'd',
      why: 'only the path through the add gate (fork not summed)',
      response: (v) => String(v.params.m2),
    },
    {
      part: 'd',
      why: 'only the path through the max gate (fork not summed)',
      response: (v) => String(v.params.q),
    },
  ],
};

export default question;
