import type { QuestionSpec } from '@gradlab/content';

const tex = (rows: number[][]) =>
  `\\begin{pmatrix} ${rows.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const r3 = (v: number) => Number(v.toFixed(3));

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const truth = g.randint([4, 4], 0, 3);
      // the prediction: the truth with a few pixels changed to another class
      const wrong = g.shuffle(Array.from({ length: 16 }, (_, i) => i)).slice(0, g.int(3, 6));
      const flat = list(truth.astype('float64'));
      const predFlat = flat.map((c, i) => (wrong.includes(i) ? (c + g.int(1, 2)) % 3 : c));
      const y = np.array(flat);
      const p = np.array(predFlat);
      const accuracy = np.equal(p, y).astype('float64').mean().item() as number;
      const perClass = [0, 1, 2].map((c) => {
        const inPred = np.equal(p, c).astype('float64');
        const inTrue = np.equal(y, c).astype('float64');
        const inter = inPred.multiply(inTrue).sum().item() as number;
        const union = np.maximum(inPred, inTrue).sum().item() as number;
        return {
          inter,
          union,
          pred: inPred.sum().item() as number,
          true: inTrue.sum().item() as number,
        };
      });
      if (perClass.some((c) => c.union === 0 || c.true === 0)) continue;
      const iou = perClass.map((c) => c.inter / c.union);
      const dice = perClass.map((c) => (2 * c.inter) / (c.pred + c.true));
      const recall = perClass.map((c) => c.inter / c.true);
      const miou = iou.reduce((s, v) => s + v, 0) / 3;
      // the listed mistakes must be told apart from the keys (tolerance 2e-3)
      const far = (a: number[], b: number[]) => a.some((v, i) => Math.abs(v - (b[i] ?? 0)) > 0.01);
      if (!far(dice, iou) || !far(recall, iou) || Math.abs(accuracy - miou) < 0.01 || accuracy === 0.5)
        continue;
      const [name0, name1, name2] = g.pick([
        ['background', 'road', 'car'],
        ['sky', 'tree', 'building'],
        ['background', 'cell', 'nucleus'],
        ['water', 'land', 'cloud'],
      ]);
      const H = g.pick([64, 128, 256, 240]);
      const W = g.pick([64, 128, 320, 256]);
      const C = g.pick([5, 8, 19, 21, 30]);
      const grid = (v: number[]) => [0, 1, 2, 3].map((r) => v.slice(4 * r, 4 * r + 4));
      return {
        params: {
          name0,
          name1,
          name2,
          pred: tex(grid(predFlat)),
          truth: tex(grid(flat)),
          correct: Math.round(accuracy * 16),
          accuracy: r3(accuracy),
          iouTable: perClass
            .map(
              (c, k) =>
                `- class ${k}: intersection ${c.inter}, union ${c.union}, IoU $= ${c.inter}/${c.union} \\approx ${r3(iou[k] ?? 0)}$`,
            )
            .join('\n'),
          miou: r3(miou),
          H,
          W,
          C,
          // for the listed mistakes
          errorRate: 1 - accuracy,
          dice: JSON.stringify(dice),
          recall: JSON.stringify(recall),
          accuracyRaw: accuracy,
        },
        parts: {
          a: { type: 'numeric', points: 1, key: accuracy, tolerance: { atol: 2e-3 } },
          b: { type: 'numeric', points: 2, key: iou, tolerance: { atol: 2e-3 } },
          c: {
            type: 'numeric',
            points: 1,
            key: miou,
            tolerance: { atol: 2e-3 },
            keyFrom: {
              parts: ['b'],
              key: ({ b }) => {
                const own: number[] = Array.isArray(b) ? b : [b ?? Number.NaN];
                return own.reduce((s, v) => s + v, 0) / own.length;
              },
            },
          },
          d: { type: 'shape', points: 1, key: ['N', C, H, W], accept: [['N', H, W, C]] },
          e: {
            type: 'text',
            points: 1,
            rubric: [
              {
                id: 'imbalance',
                description:
                  'a frequent class (e.g. background) dominates the pixel accuracy: predicting it everywhere scores high, while the IoU of each rare class (averaged per class) exposes it',
                points: 1,
              },
            ],
          },
        },
      };
    }
  },
  wrong: [
    { part: 'a', why: 'the share of wrong pixels', response: (v) => String(v.params.errorRate) },
    {
      part: 'b',
      why: 'the Dice coefficient 2|A∩B|/(|A|+|B|)',
      response: (v) => `[${(JSON.parse(String(v.params.dice)) as number[]).join(', ')}]`,
    },
    {
      part: 'b',
      why: 'the intersection divided by the true pixels only',
      response: (v) => `[${(JSON.parse(String(v.params.recall)) as number[]).join(', ')}]`,
    },
    { part: 'c', why: 'the pixel accuracy', response: (v) => String(v.params.accuracyRaw) },
    { part: 'd', why: 'the label map without classes', response: (v) => `N x ${v.params.H} x ${v.params.W}` },
    {
      part: 'd',
      why: 'one channel per input colour (3)',
      response: (v) => `N x 3 x ${v.params.H} x ${v.params.W}`,
    },
  ],
};

export default question;
