import type { QuestionSpec } from '@gradlab/content';

const tex = (rows: number[][]) =>
  `\\begin{pmatrix} ${rows.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
const rows = (a: NDArray) => a.toArray() as number[][];
const strings = (m: number[][]) => m.map((r) => r.map(String));

/** The lecture's convolution (cross-correlation, no flip) of one channel, stride 1, plus a bias. */
const correlate = (x: NDArray, w: NDArray, bias: number): NDArray => {
  const k = w.shape[0] as number;
  const out = (x.shape[0] as number) - k + 1;
  const values: number[][] = [];
  for (let i = 0; i < out; i++) {
    const row: number[] = [];
    for (let j = 0; j < out; j++)
      row.push(
        x
          .slice(`${i}:${i + k}`, `${j}:${j + k}`)
          .multiply(w)
          .sum()
          .item() + bias,
      );
    values.push(row);
  }
  return np.array(values);
};

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const k = g.pick([2, 3]);
      const x = g.randint([4, 4], 0, 4);
      const w = g.randint([k, k], -1, 3);
      const b = g.pick([-2, -1, 1, 2]);
      const y = correlate(x, w, b);
      // the kernel flipped by 180 degrees (a true convolution), a typical slip
      const flipped = np.array(
        rows(w)
          .map((r) => [...r].reverse())
          .reverse(),
      );
      const yFlipped = correlate(x, flipped, b);
      const yNoBias = y.subtract(b);
      // zero padding 1: the top-left output sees the padded corner
      const xPadded = np.pad(x, 1);
      const corner = xPadded.slice(`0:${k}`, `0:${k}`);
      const padded = corner.multiply(w).sum().item() + b;
      const first = y.toArray() as number[][];
      if (np.equal(y, yFlipped).sum().item() === y.size) continue;
      if (padded === first[0]?.[0]) continue;
      if (np.abs(w).sum().item() < 3) continue;
      const firstWindow = x.slice(`0:${k}`, `0:${k}`);
      const terms = (rows(firstWindow).flat() as number[]).map(
        (v, i) => `${v} \\cdot (${(rows(w).flat() as number[])[i]})`,
      );
      const cornerTerms = (rows(corner).flat() as number[]).map(
        (v, i) => `${v} \\cdot (${(rows(w).flat() as number[])[i]})`,
      );
      const o = 4 - k + 1;
      return {
        params: {
          k,
          b,
          o,
          x: tex(rows(x)),
          w: tex(rows(w)),
          y: tex(rows(y)),
          firstWindow: tex(rows(firstWindow)),
          firstSum: `${terms.join(' + ')} + (${b}) = ${first[0]?.[0]}`,
          corner: tex(rows(corner)),
          cornerSum: `${cornerTerms.join(' + ')} + (${b}) = ${padded}`,
          params: k * k + 1,
          // for the listed mistakes
          yFlipped: JSON.stringify(rows(yFlipped)),
          yNoBias: JSON.stringify(rows(yNoBias)),
          unpadded: first[0]?.[0] ?? 0,
        },
        parts: {
          a: { type: 'shape', points: 1, key: [o, o] },
          b: { type: 'matrix', points: 3, key: rows(y), tolerance: { atol: 1e-9 } },
          c: { type: 'integer', points: 2, key: padded },
          d: { type: 'integer', points: 1, key: k * k + 1 },
        },
      };
    }
  },
  wrong: [
    { part: 'a', why: 'the input size kept (as with same padding)', response: () => '4 x 4' },
    {
      part: 'b',
      why: 'the kernel flipped (a true convolution instead of the cross-correlation)',
      response: (v) => strings(JSON.parse(String(v.params.yFlipped))),
    },
    {
      part: 'b',
      why: 'the bias forgotten',
      response: (v) => strings(JSON.parse(String(v.params.yNoBias))),
    },
    {
      part: 'c',
      why: 'the padding ignored (the top-left output of b)',
      response: (v) => String(v.params.unpadded),
    },
    { part: 'd', why: 'the bias not counted', response: (v) => String(Number(v.params.k) ** 2) },
  ],
};

export default question;
