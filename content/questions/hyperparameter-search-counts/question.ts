import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** After the best value sits at the edge: the first option is right. */
const nexts = [
  'Extend the range below that value and search again around it',
  'Keep that value: the edge of the range is where the optimum lies',
  'Search the same range again with a grid instead of random samples',
  'Choose the learning rate that does best on the test set instead',
];

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const classes = g.pick([5, 10, 20, 100, 1000]);
      const gridA = g.int(3, 5);
      const gridB = g.int(3, 5);
      const trials = gridA * gridB;
      const lo = g.pick([-6, -5, -4]);
      const hi = g.pick([-1, 0]);
      if (hi - lo < 3) continue;
      // fractions of samples in [10^(hi-1), 10^hi]: log-uniform and uniform
      const logFrac = 1 / (hi - lo);
      const uniFrac = (10 ** hi - 10 ** (hi - 1)) / (10 ** hi - 10 ** lo);
      const initial = Math.log(classes);
      const options = g.shuffle(nexts);
      return {
        params: {
          classes,
          gridA,
          gridB,
          trials,
          lo,
          hi,
          hiMinus: hi - 1,
          decades: hi - lo,
          initial: round(initial),
          log10: round(Math.log10(classes)),
          logFrac: round(logFrac),
          uniFrac: round(uniFrac, 6),
          topWidth: round(10 ** hi - 10 ** (hi - 1), 6),
          fullWidth: round(10 ** hi - 10 ** lo, 6),
        },
        parts: {
          a: { type: 'numeric', points: 1, key: initial, tolerance: { rtol: 1e-2, atol: 1e-3 } },
          b: { type: 'numeric', points: 2, key: [gridA, trials], tolerance: { rtol: 0, atol: 1e-9 } },
          c: { type: 'numeric', points: 2, key: [logFrac, uniFrac], tolerance: { rtol: 1e-3, atol: 1e-6 } },
          d: { type: 'choice', points: 2, options, key: options.indexOf(nexts[0] as string) },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'the base-10 logarithm',
      response: (v) => String(Math.log10(Number(v.params.classes))),
    },
    { part: 'a', why: 'zero, as for a perfect classifier', response: () => '0' },
    {
      part: 'b',
      why: 'random search with the same distinct values as the grid',
      response: (v) => `${v.params.gridA}, ${v.params.gridA}`,
    },
    {
      part: 'c',
      why: 'the two fractions swapped',
      response: (v) => {
        const key = (v.parts.c as { key: number[] }).key;
        return `${key[1]}, ${key[0]}`;
      },
    },
    {
      part: 'd',
      why: 'keep the edge value',
      response: (v) => (v.parts.d as { options: string[] }).options.indexOf(nexts[1] as string),
    },
  ],
};

export default question;
