import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const tex = (rows: number[][]) =>
  `\\begin{pmatrix} ${rows.map((r) => r.map((v) => round(v)).join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
const rows = (a: NDArray) => a.toArray() as number[][];
const strings = (m: number[][]) => m.map((r) => r.map(String));
const same = (a: NDArray, b: NDArray) => np.equal(a, b).sum().item() === a.size;

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      // one channel, one 2 x 2 filter, stride 1, no padding: a 3 x 3 input gives a 2 x 2 output
      const x = g.randint([3, 3], -1, 4);
      const w = g.randint([2, 2], -1, 3);
      const dy = np.array(g.shuffle([-2, -1, 1, 2, 3]).slice(0, 4)).reshape([2, 2]);
      const dyRows = rows(dy);
      const window = (i: number, j: number) => x.slice(`${i}:${i + 2}`, `${j}:${j + 2}`);
      const upstream = (i: number, j: number) => dyRows[i]?.[j] ?? 0;
      // dW: every position's window weighted by its upstream gradient (weight sharing sums them)
      let dw = np.zeros([2, 2]);
      // dX: every position scatters w, weighted by its upstream gradient, onto its window
      let dx = np.zeros([3, 3]);
      let dxFlipped = np.zeros([3, 3]);
      const flippedW = np.array(
        rows(w)
          .map((r) => [...r].reverse())
          .reverse(),
      );
      const positions: [number, number][] = [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ];
      for (const [i, j] of positions) {
        dw = dw.add(window(i, j).multiply(upstream(i, j)));
        const place = [
          [i, 1 - i],
          [j, 1 - j],
        ] as [number, number][];
        dx = dx.add(np.pad(w.multiply(upstream(i, j)), place));
        dxFlipped = dxFlipped.add(np.pad(flippedW.multiply(upstream(i, j)), place));
      }
      const db = dy.sum().item();
      const dwFirst = window(0, 0).multiply(upstream(0, 0));
      if (db === 0 || same(dw, dwFirst) || same(dx, dxFlipped)) continue;
      if (np.abs(w).sum().item() < 3 || np.abs(dw).sum().item() === 0) continue;
      const dwTerms = positions.map(([i, j]) => `(${upstream(i, j)}) ${tex(rows(window(i, j)))}`).join(' + ');
      return {
        params: {
          x: tex(rows(x)),
          w: tex(rows(w)),
          dy: tex(dyRows),
          db,
          dw: tex(rows(dw)),
          dwTerms,
          dx: tex(rows(dx)),
          // for the listed mistakes
          dbMean: db / 4,
          dwFirst: JSON.stringify(rows(dwFirst)),
          dxFlipped: JSON.stringify(rows(dxFlipped)),
        },
        parts: {
          a: { type: 'integer', points: 1, key: db },
          b: { type: 'matrix', points: 3, key: rows(dw), tolerance: { atol: 1e-9 } },
          c: { type: 'matrix', points: 3, key: rows(dx), tolerance: { atol: 1e-9 } },
        },
      };
    }
  },
  wrong: [
    { part: 'a', why: 'the mean of dY instead of its sum', response: (v) => String(v.params.dbMean) },
    {
      part: 'b',
      why: 'only the first position: the sum over shared uses forgotten',
      response: (v) => strings(JSON.parse(String(v.params.dwFirst))),
    },
    {
      part: 'c',
      why: 'the filter scattered flipped (mixing up the forward correlation and the backward full convolution)',
      response: (v) => strings(JSON.parse(String(v.params.dxFlipped))),
    },
  ],
};

export default question;
