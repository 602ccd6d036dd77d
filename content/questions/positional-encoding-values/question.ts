import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const show = (a: number[]) => a.map((v) => round(v)).join(', ');

/** the sinusoidal encoding of one position: sin at even dimensions 2i, cos at odd 2i + 1 */
function encode(pos: number, d: number, exponent: (j: number) => number, swap = false): number[] {
  return Array.from({ length: d }, (_, j) => {
    const angle = pos / 10000 ** exponent(j);
    return (j % 2 === 0) !== swap ? Math.sin(angle) : Math.cos(angle);
  });
}

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const pos = g.pick([1, 2, 3, 4, 5]);
      const d = 6;
      // dimension j uses the frequency of its pair: 2i = j rounded down to even
      const pe = encode(pos, d, (j) => (2 * Math.floor(j / 2)) / d);
      const swapped = encode(pos, d, (j) => (2 * Math.floor(j / 2)) / d, true);
      const halfExp = encode(pos, d, (j) => Math.floor(j / 2) / d);
      const far = (a: number[]) => a.some((x, i) => Math.abs(x - (pe[i] ?? 0)) > 0.01);
      if (!far(swapped) || !far(halfExp)) continue;
      // one entry of a wide model: an odd dimension j = 2i + 1 (a cosine)
      const dBig = g.pick([128, 256, 512]);
      const i = g.pick([2, 4, 8, 16, 32]);
      const j = 2 * i + 1;
      const posBig = g.pick([10, 20, 50, 100]);
      const denom = 10000 ** ((2 * i) / dBig);
      const entry = Math.cos(posBig / denom);
      const entryWrongExp = Math.cos(posBig / 10000 ** (j / dBig));
      const entrySin = Math.sin(posBig / denom);
      if (Math.abs(entry - entryWrongExp) < 0.01 || Math.abs(entry - entrySin) < 0.01) continue;
      const maxLen = g.pick([256, 512, 1024, 2048]);
      const dModel = g.pick([256, 512, 768]);
      return {
        params: {
          pos,
          d,
          angles: [0, 2, 4].map((k) => round(pos / 10000 ** (k / d))).join(', '),
          pe: show(pe),
          swapped: JSON.stringify(swapped),
          halfExp: JSON.stringify(halfExp),
          dBig,
          i,
          j,
          twoI: 2 * i,
          posBig,
          denom: round(denom),
          angle: round(posBig / denom),
          entry: round(entry),
          entryWrongExp,
          maxLen,
          dModel,
          table: maxLen * dModel,
        },
        parts: {
          a: { type: 'numeric', points: 2, key: pe, tolerance: { rtol: 1e-3, atol: 1e-3 } },
          b: { type: 'numeric', points: 1, key: entry, tolerance: { rtol: 1e-3, atol: 1e-3 } },
          c: { type: 'integer', points: 1, key: maxLen * dModel },
          d: { type: 'yes-no', points: 2, key: true, reasonPoints: 1 },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'sine and cosine swapped',
      response: (v) => (JSON.parse(String(v.params.swapped)) as number[]).map(String),
    },
    {
      part: 'a',
      why: 'exponent i/d instead of 2i/d',
      response: (v) => (JSON.parse(String(v.params.halfExp)) as number[]).map(String),
    },
    {
      part: 'b',
      why: 'the odd index j itself used in the exponent instead of 2i',
      response: (v) => String(v.params.entryWrongExp),
    },
    {
      part: 'c',
      why: 'one number per position',
      response: (v) => String(v.params.maxLen),
    },
    {
      part: 'd',
      why: 'no: the context differs',
      response: () => ({ answer: false, reason: 'the words are in a different order' }),
    },
  ],
};

export default question;
