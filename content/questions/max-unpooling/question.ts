import type { QuestionSpec } from '@gradlab/content';

const tex = (rows: number[][]) =>
  `\\begin{pmatrix} ${rows.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
const rows = (a: NDArray) => a.toArray() as number[][];
const strings = (m: number[][]) => m.map((r) => r.map(String));
/** each entry copied into a 2 x 2 block */
const nearest = (a: NDArray) => np.repeat(np.repeat(a, 2, { axis: 0 }), 2, { axis: 1 });
/** the 2 x 2 blocks of a 4 x 4 map as the last axis: (2, 2, 4) */
const blocks = (x: NDArray) => x.reshape([2, 2, 2, 2]).transpose([0, 2, 1, 3]).reshape([2, 2, 4]);

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      // distinct values, so that every block has one maximum
      const x = np.array(g.shuffle(Array.from({ length: 16 }, (_, i) => i - 3))).reshape([4, 4]);
      const pooled = blocks(x).max({ axis: 2 });
      // at least one maximum away from its block's top-left corner (else "bed of nails" = unpooling)
      const topLeft = x.slice('::2', '::2');
      if ((np.equal(pooled, topLeft).sum().item() as number) === 4) continue;
      const d = g.randint([2, 2], 1, 10);
      const unpooled = np.where(np.equal(x, nearest(pooled)), nearest(d), 0);
      const nails = np.where(np.equal(nearest(topLeft), x), nearest(d), 0);
      return {
        params: {
          X: tex(rows(x)),
          D: tex(rows(d)),
          P: tex(rows(pooled)),
          U: tex(rows(unpooled)),
          NN: tex(rows(nearest(d))),
          // for the listed mistakes
          minPooled: JSON.stringify(rows(blocks(x).min({ axis: 2 }))),
          nails: JSON.stringify(rows(nails)),
          nearest: JSON.stringify(rows(nearest(d))),
          unpooled: JSON.stringify(rows(unpooled)),
        },
        parts: {
          a: { type: 'matrix', points: 1, key: rows(pooled) },
          b: { type: 'matrix', points: 2, key: rows(unpooled) },
          c: { type: 'matrix', points: 1, key: rows(nearest(d)) },
          d: {
            type: 'text',
            points: 2,
            rubric: [
              {
                id: 'switches',
                description: 'the position (index, "switch") of each maximum in its pooling window',
                points: 1,
              },
              {
                id: 'location',
                description:
                  'unpooling puts each value back where the strong feature was (zeros elsewhere), so locations/edges are restored instead of smeared over the whole block',
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
      why: 'the minimum of each block',
      response: (v) => strings(JSON.parse(String(v.params.minPooled))),
    },
    {
      part: 'b',
      why: 'nearest neighbour instead of unpooling',
      response: (v) => strings(JSON.parse(String(v.params.nearest))),
    },
    {
      part: 'b',
      why: 'every value put at the top-left corner of its block (bed of nails)',
      response: (v) => strings(JSON.parse(String(v.params.nails))),
    },
    {
      part: 'c',
      why: 'unpooling instead of nearest neighbour',
      response: (v) => strings(JSON.parse(String(v.params.unpooled))),
    },
  ],
};

export default question;
