import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const show = (a: number[]) => a.map((v) => round(v)).join(', ');

/** integer vectors whose Euclidean norm is an integer */
const triples = [
  [1, 2, 2],
  [2, 3, 6],
  [1, 4, 8],
  [4, 4, 7],
  [2, 6, 9],
  [6, 6, 7],
  [3, 4, 12],
  [2, 10, 11],
];

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const base = g.shuffle(g.pick(triples));
      const gv = np.array(base.map((v) => v * g.pick([-1, 1])));
      const norm = list(np.sqrt(gv.multiply(gv).sum()))[0] as number;
      const tau = g.pick([2, 4, 5].filter((t) => t < norm));
      // clipping by norm keeps the direction and sets the norm to tau
      const clipped = list(gv.multiply(tau / norm));
      // clipping by value: each entry into [-c, c]; c between the smallest and largest magnitude
      const mags = base;
      const cs = Array.from({ length: 24 }, (_, k) => (k + 1) / 2).filter(
        (c) => c > Math.min(...mags) && c < Math.max(...mags),
      );
      const c = g.pick(cs);
      const byValue = list(np.clip(gv, -c, c));
      // a later, small gradient: below the threshold, so clipping leaves it alone
      const small = np.array([0, 1, 2].map(() => g.pick([-1, -0.5, 0.5, 1])));
      const smallNorm = list(np.sqrt(small.multiply(small).sum()))[0] as number;
      if (smallNorm >= tau) continue;
      const smallList = list(small);
      const smallScaled = list(small.multiply(tau / smallNorm));
      const unit = list(gv.divide(norm));
      return {
        params: {
          g: list(gv).join(', '),
          norm,
          normSq: norm * norm,
          tau,
          scale: `${tau}/${norm}`,
          clipped: show(clipped),
          c,
          byValue: show(byValue),
          small: smallList.join(', '),
          smallNorm: round(smallNorm),
          smallScaled: JSON.stringify(smallScaled),
          unit: JSON.stringify(unit),
          byValueList: JSON.stringify(byValue),
        },
        parts: {
          a: { type: 'numeric', points: 1, key: norm, tolerance: { rtol: 1e-3, atol: 1e-6 } },
          b: { type: 'numeric', points: 2, key: clipped, tolerance: { rtol: 2e-3, atol: 1e-3 } },
          c: { type: 'numeric', points: 1, key: byValue, tolerance: { rtol: 1e-3, atol: 1e-6 } },
          d: { type: 'numeric', points: 1, key: smallList, tolerance: { rtol: 1e-3, atol: 1e-6 } },
          e: { type: 'yes-no', points: 2, key: false, reasonPoints: 1 },
        },
      };
    }
  },
  wrong: [
    {
      part: 'b',
      why: 'normalised to length one, the threshold forgotten',
      response: (v) => (JSON.parse(String(v.params.unit)) as number[]).map(String),
    },
    {
      part: 'b',
      why: 'clipped entry by entry instead of by norm',
      response: (v) => (JSON.parse(String(v.params.byValueList)) as number[]).map(String),
    },
    {
      part: 'd',
      why: 'rescaled to norm tau although it is below the threshold',
      response: (v) => (JSON.parse(String(v.params.smallScaled)) as number[]).map(String),
    },
    {
      part: 'e',
      why: 'yes: clipping entries keeps the direction',
      response: () => ({ answer: true, reason: 'each entry keeps its sign' }),
    },
  ],
};

export default question;
