import type { QuestionSpec } from '@gradlab/content';

const fmt = (milli: number) => (milli / 1000).toFixed(3);

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const patience = g.int(2, 4);
      const best = g.int(6, 8);
      const epochs = best + patience + g.int(1, 2);
      const bumpLength = patience - 1;
      const bumpStart = g.int(2, best - bumpLength - 1);
      // validation losses in thousandths: falling, with a bump of bumpLength epochs that do not
      // improve (shorter than the patience), falling again to the best epoch, then rising
      const val: number[] = [];
      let v = g.int(900, 1100);
      for (let e = 1; e <= epochs; e++) {
        if (e === 1) val.push(v);
        else if (e > bumpStart && e <= bumpStart + bumpLength)
          val.push((val[bumpStart - 1] ?? v) + g.int(5, 40));
        else if (e <= best) {
          v = Math.min(v, ...val) - g.int(15, 90);
          val.push(v);
        } else val.push((val[best - 1] ?? v) + (e - best) * g.int(10, 30) + g.int(0, 9));
      }
      // training loss: falls every epoch
      const train: number[] = [];
      let t = (val[0] ?? 1000) - g.int(20, 60);
      for (let e = 1; e <= epochs; e++) {
        train.push(t);
        t -= g.int(15, 60);
      }
      if ((train[epochs - 1] ?? 0) < 50) continue;
      // run the rule: keep the best, stop after `patience` epochs without improvement
      let bestEpoch = 1;
      let stop = epochs;
      for (let e = 2; e <= epochs; e++) {
        if ((val[e - 1] ?? 0) < (val[bestEpoch - 1] ?? 0)) bestEpoch = e;
        else if (e - bestEpoch >= patience) {
          stop = e;
          break;
        }
      }
      if (bestEpoch !== best || stop !== best + patience) continue;
      return {
        params: {
          patience,
          epochs,
          train: train.map(fmt).join(', '),
          val: val.map(fmt).join(', '),
          best: bestEpoch,
          bestVal: fmt(val[bestEpoch - 1] ?? 0),
          stop,
          bumpEpochs:
            bumpLength === 1
              ? `epoch ${bumpStart + 1}`
              : `epochs ${bumpStart + 1} to ${bumpStart + bumpLength}`,
        },
        parts: {
          a: { type: 'integer', points: 2, key: stop },
          b: { type: 'integer', points: 2, key: bestEpoch },
          c: { type: 'yes-no', points: 2, key: false, reasonPoints: 1 },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'one epoch too early (patience miscounted)',
      response: (v) => String(Number(v.params.stop) - 1),
    },
    { part: 'a', why: 'the last epoch listed', response: (v) => String(v.params.epochs) },
    { part: 'b', why: 'the weights of the last epoch trained', response: (v) => String(v.params.stop) },
    { part: 'b', why: 'the lowest training loss', response: (v) => String(v.params.epochs) },
    {
      part: 'c',
      why: 'yes',
      response: () => ({ answer: true, reason: 'the test loss is what counts in the end' }),
    },
  ],
};

export default question;
