import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);

/** Which loss is robust to the outlier: the first claim is right. */
const claims = [
  'L1: its gradient has the same size for every example, so the outlier cannot dominate it',
  'L2: squaring makes the outlier count less',
  'Both are equally robust, since both are minimised at the same constant',
  'Neither: only the hinge loss ignores outliers',
];

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      // five targets near each other and one outlier
      const base = g.int(2, 8);
      const near = [0, 1, 2, 3].map(() => base + g.int(-2, 2));
      const outlier = base + g.pick([-1, 1]) * g.int(30, 60);
      const t = np.array(g.shuffle([...near, outlier]));
      const n = 5;
      const options = g.shuffle(claims);
      const mean = t.mean().item();
      const sorted = list(t).sort((a, b) => a - b);
      const median = sorted[2] ?? 0;
      // the median must be unique, so that the L1 loss has a derivative there
      if (Math.abs(mean - median) < 3 || sorted.filter((x) => x === median).length > 1) continue;
      // at c = median: the mean gradients of both losses, computed with the engine
      const diff = np.full([n], median).subtract(t);
      const dl2 = diff.mean().item();
      const dl1 = np.sign(diff).mean().item();
      const outlierShare = (median - outlier) / n;
      return {
        params: {
          t: list(t).join(', '),
          mean: round(mean),
          median,
          dl2: round(dl2),
          dl1: round(dl1),
          outlier,
          outlierShare: round(outlierShare),
        },
        parts: {
          a: { type: 'numeric', points: 2, key: mean, tolerance: { rtol: 1e-3 } },
          b: { type: 'numeric', points: 2, key: median, tolerance: { atol: 1e-9 } },
          c: { type: 'numeric', points: 2, key: [dl2, dl1], tolerance: { rtol: 1e-3, atol: 1e-9 } },
          d: { type: 'choice', points: 2, options, key: options.indexOf(claims[0] as string) },
        },
      };
    }
  },
  wrong: [
    { part: 'a', why: 'the median', response: (v) => String(v.params.median) },
    { part: 'b', why: 'the mean', response: (v) => String(v.params.mean) },
    {
      part: 'c',
      why: 'the gradients of the two losses swapped',
      response: (v) => [String(v.params.dl1), String(v.params.dl2)],
    },
    {
      part: 'd',
      why: 'L2',
      response: (v) => (v.parts.d as { options: string[] }).options.indexOf(claims[1] as string),
    },
  ],
};

export default question;
