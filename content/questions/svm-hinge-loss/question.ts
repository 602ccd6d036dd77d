import type { QuestionSpec } from '@gradlab/content';

const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const delta = g.pick([1, 2]);
      const label = g.int(0, 3);
      const scoreList = [0, 1, 2, 3].map(() => g.int(-6, 10) / 2);
      const s = np.array(scoreList);
      const sy = scoreList[label] as number;
      const onehot = np.array([0, 1, 2, 3].map((j) => (j === label ? 1 : 0)));
      const notLabel = np.array([0, 1, 2, 3].map((j) => (j === label ? 0 : 1)));
      // the terms max(0, s_j - s_y + delta) for the wrong classes (the correct class gives none)
      const inside = s.subtract(sy).add(delta);
      const terms = np.maximum(inside, 0).multiply(notLabel);
      const loss = terms.sum().item() as number;
      // no term exactly on the kink; exactly two wrong classes inside the margin and one outside
      const insideList = list(inside);
      if (insideList.some((v, j) => j !== label && Math.abs(v) < 1e-9)) continue;
      const active = inside.greater(0).multiply(notLabel);
      const count = active.sum().item() as number;
      if (count !== 2) continue;
      // gradient: +1 for each wrong class inside the margin, -count for the correct class
      const grad = active.subtract(onehot.multiply(count));
      // the typical mistakes
      const withOwn = loss + delta; // summing over j = y as well
      const flipped = np
        .maximum(s.multiply(-1).add(sy).add(delta), 0)
        .multiply(notLabel)
        .sum()
        .item() as number;
      const gradNoCorrect = active; // the correct class's entry forgotten
      const gradMinusOne = active.subtract(onehot); // -1 instead of -count
      if (Math.abs(flipped - loss) < 1e-9) continue;
      const bigC = g.pick([10, 20, 100, 1000]);
      return {
        params: {
          scores: scoreList.join(', '),
          label,
          delta,
          sy,
          terms: list(terms).join(', '),
          loss,
          count,
          grad: list(grad).join(', '),
          bigC,
          initLoss: (bigC - 1) * delta,
          withOwn,
          flipped,
          gradNoCorrect: JSON.stringify(list(gradNoCorrect)),
          gradMinusOne: JSON.stringify(list(gradMinusOne)),
        },
        parts: {
          a: { type: 'numeric', points: 2, key: loss, tolerance: { rtol: 1e-6, atol: 1e-9 } },
          b: { type: 'numeric', points: 2, key: list(grad), tolerance: { rtol: 1e-6, atol: 1e-9 } },
          c: { type: 'numeric', points: 1, key: (bigC - 1) * delta, tolerance: { rtol: 1e-6, atol: 1e-9 } },
          d: { type: 'yes-no', points: 2, key: true, reasonPoints: 1 },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'the correct class counted as well (adds delta)',
      response: (v) => String(v.params.withOwn),
    },
    {
      part: 'a',
      why: 'the sign inside the max turned round, s_y - s_j + delta',
      response: (v) => String(v.params.flipped),
    },
    {
      part: 'b',
      why: 'the correct class given gradient 0',
      response: (v) => (JSON.parse(String(v.params.gradNoCorrect)) as number[]).map(String),
    },
    {
      part: 'b',
      why: 'the correct class given -1 instead of minus the number of violating classes',
      response: (v) => (JSON.parse(String(v.params.gradMinusOne)) as number[]).map(String),
    },
    {
      part: 'c',
      why: 'C * delta (the correct class counted)',
      response: (v) => String(Number(v.params.bigC) * Number(v.params.delta)),
    },
    { part: 'c', why: 'zero (equal scores taken as no violation)', response: () => '0' },
    {
      part: 'd',
      why: 'no',
      response: () => ({ answer: false, reason: 'the scores change, so the loss changes' }),
    },
  ],
};

export default question;
