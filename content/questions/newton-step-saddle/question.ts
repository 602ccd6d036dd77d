import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const col = (a: NDArray) =>
  `\\begin{pmatrix} ${list(a)
    .map((v) => round(v))
    .join(' \\\\ ')} \\end{pmatrix}`;
const mat = (rows: number[][]) =>
  `\\begin{pmatrix} ${rows.map((r) => r.map((v) => round(v)).join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;

const kinds = ['a local minimum', 'a local maximum', 'a saddle point', 'not a critical point'];

const question: QuestionSpec = {
  generate(g) {
    // the kind first, so that saddles come up about half the time
    const want = g.pick([0, 1, 2, 2]);
    for (;;) {
      const h11 = g.int(-5, 6);
      const h22 = g.int(-5, 6);
      const h12 = g.pick([-3, -2, -1, 1, 2, 3]);
      // integer eigenvalues: the discriminant must be a perfect square
      const disc = (h11 - h22) ** 2 + 4 * h12 ** 2;
      const root = Math.round(Math.sqrt(disc));
      if (root * root !== disc) continue;
      const lo = (h11 + h22 - root) / 2;
      const hi = (h11 + h22 + root) / 2;
      if (lo === 0 || hi === 0) continue;
      const kind = lo > 0 ? 0 : hi < 0 ? 1 : 2;
      if (kind !== want) continue;
      const H = np.array([
        [h11, h12],
        [h12, h22],
      ]);
      const det = h11 * h22 - h12 * h12;
      const Hinv = np
        .array([
          [h22, -h12],
          [-h12, h11],
        ])
        .divide(det);
      // the critical point is a whole-number point; c = -H theta*
      const star = np.array([[g.int(-3, 3)], [g.int(-3, 3)]]);
      const c = H.matmul(star).multiply(-1);
      const theta0 = np.array([[g.int(-4, 4)], [g.int(-4, 4)]]);
      const g0 = H.matmul(theta0).add(c);
      const theta1 = theta0.subtract(Hinv.matmul(g0));
      // mistakes: a gradient step with rate 1, the Newton step added, only the diagonal curvature
      const gdStep = theta0.subtract(g0);
      const plus = theta0.add(Hinv.matmul(g0));
      const diagOnly = theta0.subtract(g0.divide(np.array([[h11], [h22]])));
      const differs = (a: NDArray) => list(a).some((x, i) => Math.abs(x - (list(theta1)[i] ?? 0)) > 1e-2);
      if (list(g0).every((x) => x === 0) || !differs(gdStep) || !differs(plus) || !differs(diagOnly))
        continue;
      if (h11 === 0 || h22 === 0) continue;
      const options = g.shuffle(kinds);
      return {
        params: {
          H: mat([
            [h11, h12],
            [h12, h22],
          ]),
          c: col(c),
          theta0: col(theta0),
          g0: col(g0),
          Hinv: mat(Hinv.toArray() as number[][]),
          step: col(Hinv.matmul(g0)),
          theta1: col(theta1),
          det,
          trace: h11 + h22,
          root,
          lo,
          hi,
          kindText: kinds[kind] as string,
          gdStep: JSON.stringify(list(gdStep)),
          plus: JSON.stringify(list(plus)),
          diagOnly: JSON.stringify(list(diagOnly)),
        },
        parts: {
          a: { type: 'numeric', points: 1, key: list(g0), tolerance: { rtol: 1e-3, atol: 1e-6 } },
          b: { type: 'numeric', points: 3, key: list(theta1), tolerance: { rtol: 1e-3, atol: 1e-6 } },
          c: { type: 'numeric', points: 2, key: [lo, hi], tolerance: { rtol: 1e-3, atol: 1e-6 } },
          d: { type: 'choice', points: 2, options, key: options.indexOf(kinds[kind] as string) },
        },
      };
    }
  },
  wrong: [
    {
      part: 'b',
      why: 'a gradient descent step with learning rate 1 instead of the Newton step',
      response: (v) => (JSON.parse(String(v.params.gdStep)) as number[]).map(String),
    },
    {
      part: 'b',
      why: 'the Newton step added instead of subtracted',
      response: (v) => (JSON.parse(String(v.params.plus)) as number[]).map(String),
    },
    {
      part: 'b',
      why: 'each coordinate divided by its own diagonal curvature, ignoring the off-diagonal entry',
      response: (v) => (JSON.parse(String(v.params.diagOnly)) as number[]).map(String),
    },
    {
      part: 'd',
      why: 'Newton always finds a minimum',
      response: (v) => {
        const opts = (v.parts.d as { options: string[] }).options;
        return String(v.params.kindText) === 'a local minimum'
          ? opts.indexOf('a saddle point')
          : opts.indexOf('a local minimum');
      },
    },
    {
      part: 'd',
      why: 'not a critical point',
      response: (v) => (v.parts.d as { options: string[] }).options.indexOf('not a critical point'),
    },
  ],
};

export default question;
