import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const m = g.pick([0.8, 0.9]);
      // one feature, running statistics and two batches of four values each
      const runMean0 = g.int(-2, 2);
      const runVar0 = g.pick([1, 2, 4]);
      const batch1 = np.array([0, 1, 2, 3].map(() => g.int(-3, 5)));
      const batch2 = np.array([0, 1, 2, 3].map(() => g.int(-3, 5)));
      const stats = (b: NDArray) => {
        const mu = b.mean().item();
        const c = b.subtract(mu);
        return { mu, variance: c.multiply(c).mean().item() };
      };
      const s1 = stats(batch1);
      const s2 = stats(batch2);
      if (s1.variance < 1 || s2.variance < 1) continue;
      const mean1 = m * runMean0 + (1 - m) * s1.mu;
      const var1 = m * runVar0 + (1 - m) * s1.variance;
      const mean2 = m * mean1 + (1 - m) * s2.mu;
      const var2 = m * var1 + (1 - m) * s2.variance;
      const gamma = g.pick([0.5, 2, 3]);
      const beta = g.int(-1, 2);
      const xTest = g.int(-2, 6);
      const yTest = (gamma * (xTest - mean2)) / Math.sqrt(var2) + beta;
      // the classic bug: the test example normalised with its own statistics (a batch of one)
      const momentumSwapped = (1 - m) * ((1 - m) * runMean0 + m * s1.mu) + m * s2.mu;
      if (Math.abs(momentumSwapped - mean2) < 1e-3) continue;
      return {
        params: {
          m,
          oneMinus: round(1 - m),
          runMean0,
          runVar0,
          batch1: list(batch1).join(', '),
          batch2: list(batch2).join(', '),
          mu1: round(s1.mu),
          v1: round(s1.variance),
          mu2: round(s2.mu),
          v2: round(s2.variance),
          mean1: round(mean1),
          var1: round(var1),
          mean2: round(mean2),
          var2: round(var2),
          gamma,
          beta,
          xTest,
          yTest: round(yTest),
          swapped: String(momentumSwapped),
          lastBatch: String((gamma * (xTest - s2.mu)) / Math.sqrt(s2.variance) + beta),
        },
        parts: {
          a: { type: 'numeric', points: 3, key: [mean2, var2], tolerance: { rtol: 2e-3, atol: 1e-6 } },
          b: { type: 'numeric', points: 3, key: yTest, tolerance: { rtol: 5e-3, atol: 1e-3 } },
          c: { type: 'integer', points: 1, key: 0 },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'the momentum applied to the batch statistics instead of the running ones',
      response: (v) => [String(v.params.swapped), String(v.params.var2)],
    },
    {
      part: 'b',
      why: "the last training batch's statistics used at test time",
      response: (v) => String(v.params.lastBatch),
    },
  ],
};

export default question;
