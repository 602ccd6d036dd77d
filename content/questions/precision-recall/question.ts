import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const n = g.pick([1000, 2000, 5000]);
      const positives = g.int(2, 10) * 10;
      const tp = g.int(Math.ceil(positives / 4), positives - 5);
      const flagged = tp + g.int(5, 4 * positives);
      const fp = flagged - tp;
      const fn = positives - tp;
      const tn = n - positives - fp;
      const precision = tp / (tp + fp);
      const recall = tp / (tp + fn);
      // precision and recall must differ, else swapping them or averaging them goes unnoticed
      if (Math.abs(precision - recall) < 0.05) continue;
      const f1 = (2 * precision * recall) / (precision + recall);
      const weight = n / (2 * positives);
      return {
        params: {
          n,
          positives,
          flagged,
          tp,
          fp,
          fn,
          tn,
          precision: round(precision),
          recall: round(recall),
          f1: round(f1),
          accuracy: round((tp + tn) / n),
          allHealthy: round((n - positives) / n),
          weight: round(weight),
        },
        parts: {
          a: { type: 'numeric', points: 2, key: [precision, recall], tolerance: { rtol: 5e-3 } },
          b: { type: 'numeric', points: 1, key: f1, tolerance: { rtol: 5e-3 } },
          c: { type: 'numeric', points: 1, key: weight, tolerance: { rtol: 5e-3 } },
          d: {
            type: 'text',
            points: 2,
            rubric: [
              {
                id: 'recall',
                description:
                  'recall: a missed ill person (false negative) costs far more than a second test after a false alarm',
                points: 1,
              },
              {
                id: 'threshold',
                description:
                  'lower the decision threshold (or weight the ill class more) to raise recall, accepting a lower precision',
                points: 1,
              },
            ],
          },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'precision and recall swapped',
      response: (v) => [String(v.params.recall), String(v.params.precision)],
    },
    {
      part: 'a',
      why: 'precision as TP / (number of ill people)',
      response: (v) => [String(v.params.recall), String(v.params.recall)],
    },
    {
      part: 'b',
      why: 'the arithmetic mean of precision and recall',
      response: (v) => String((Number(v.params.precision) + Number(v.params.recall)) / 2),
    },
    {
      part: 'c',
      why: 'N / N_c without the number of classes',
      response: (v) => String(Number(v.params.n) / Number(v.params.positives)),
    },
  ],
};

export default question;
