import type { QuestionSpec } from '@gradlab/content';

/** The output side of a transposed convolution, O = (I - 1) s - 2p + k. */
const transposedSide = (i: number, k: number, s: number, p: number) => (i - 1) * s - 2 * p + k;
/** The output side of an ordinary convolution (the formula students confuse it with). */
const convSide = (i: number, k: number, s: number, p: number) => Math.floor((i + 2 * p - k) / s) + 1;

const tex = (rows: number[][]) =>
  `\\begin{pmatrix} ${rows.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;

/** Stride-1 transposed convolution of a 2 x 2 input with a 2 x 2 kernel: each x_ij stamps x_ij K at (i, j). */
function transposedConv(x: NDArray, kernel: NDArray): NDArray {
  let out = np.zeros([3, 3]);
  for (let i = 0; i < 2; i++)
    for (let j = 0; j < 2; j++) {
      const stamp = kernel.multiply(x.slice(i, j).item());
      out = out.add(
        np.pad(stamp, [
          [i, 1 - i],
          [j, 1 - j],
        ]),
      );
    }
  return out;
}

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const I = g.int(4, 32);
      const k = g.pick([2, 3, 4, 5]);
      const s = g.pick([1, 2, 2, 3]);
      const p = g.int(1, Math.floor(k / 2));
      const O = transposedSide(I, k, s, p);
      if (O < 1 || convSide(I, k, s, p) === O || convSide(I, k, s, p) < 1) continue;
      const cin = g.pick([16, 32, 64, 128]);
      const F = g.pick([8, 16, 24, 48]);
      if (F === cin) continue;
      const nonzero = () => g.pick([-2, -1, 1, 2, 3]);
      const x = np.array([
        [nonzero(), nonzero()],
        [nonzero(), nonzero()],
      ]);
      const kernel = np.array([
        [g.int(-2, 2), g.int(-2, 2)],
        [g.int(-2, 2), g.int(-2, 2)],
      ]);
      const out = transposedConv(x, kernel);
      const flipped = transposedConv(
        x,
        np.array((kernel.toArray() as number[][]).map((r) => [...r].reverse()).reverse()),
      );
      // overlaps overwritten: the last stamp wins where stamps overlap
      const last = np.zeros([3, 3]).toArray() as number[][];
      const xs = x.toArray() as number[][];
      const ks = kernel.toArray() as number[][];
      for (let i = 0; i < 2; i++)
        for (let j = 0; j < 2; j++)
          for (let a = 0; a < 2; a++)
            for (let b = 0; b < 2; b++)
              (last[i + a] as number[])[j + b] = (xs[i]?.[j] ?? 0) * (ks[a]?.[b] ?? 0);
      const key = out.toArray() as number[][];
      const same = (m: number[][]) => m.every((r, i) => r.every((v, j) => v === key[i]?.[j]));
      if (same(flipped.toArray() as number[][]) || same(last)) continue;
      const J = g.pick([4, 7, 8, 14, 16, 28]);
      return {
        params: {
          I,
          k,
          s,
          p,
          O,
          cin,
          F,
          X: tex(xs),
          K: tex(ks),
          Y: tex(key),
          J,
          J2: 2 * J,
          // for the listed mistakes
          convO: convSide(I, k, s, p),
          plusPad: (I - 1) * s + 2 * p + k,
          flipped: JSON.stringify(flipped.toArray()),
          overwritten: JSON.stringify(last),
        },
        parts: {
          a: { type: 'integer', points: 2, key: O },
          b: { type: 'shape', points: 1, key: ['N', F, O, O], accept: [['N', O, O, F]] },
          c: { type: 'matrix', points: 2, key, tolerance: { atol: 1e-9 } },
          d: {
            type: 'constraint',
            points: 2,
            fields: ['kernel', 'stride', 'padding'],
            example: { kernel: 4, stride: 2, padding: 1 },
            check: ({ kernel = Number.NaN, stride = Number.NaN, padding = Number.NaN }) => {
              if (![kernel, stride, padding].every((v) => Number.isInteger(v) && v >= 0))
                return 'sizes are whole numbers';
              if (kernel < 1 || stride < 1) return 'kernel and stride are at least 1';
              if (2 * padding >= kernel + (J - 1) * stride) return 'the padding crops away the whole output';
              const out = transposedSide(J, kernel, stride, padding);
              return out === 2 * J ? null : `with these values a side of ${J} becomes ${out}, not ${2 * J}`;
            },
          },
        },
      };
    }
  },
  wrong: [
    { part: 'a', why: 'the convolution formula (I + 2p - k)/s + 1', response: (v) => String(v.params.convO) },
    { part: 'a', why: 'the padding added instead of removed', response: (v) => String(v.params.plusPad) },
    {
      part: 'b',
      why: 'the input channels kept',
      response: (v) => `N x ${v.params.cin} x ${v.params.O} x ${v.params.O}`,
    },
    {
      part: 'c',
      why: 'the kernel flipped',
      response: (v) => (JSON.parse(String(v.params.flipped)) as number[][]).map((r) => r.map(String)),
    },
    {
      part: 'c',
      why: 'overlapping stamps overwritten instead of added',
      response: (v) => (JSON.parse(String(v.params.overwritten)) as number[][]).map((r) => r.map(String)),
    },
    {
      part: 'd',
      why: 'a size-keeping convolution (kernel 3, stride 1, padding 1)',
      response: () => ({ kernel: '3', stride: '1', padding: '1' }),
    },
  ],
};

export default question;
