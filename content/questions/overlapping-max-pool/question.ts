import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const tex = (rows: number[][]) =>
  `\\begin{pmatrix} ${rows.map((r) => r.map((v) => round(v)).join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
const rows = (a: NDArray) => a.toArray() as number[][];
const strings = (m: number[][]) => m.map((r) => r.map(String));
const windowOf = (x: NDArray, i: number, j: number) => x.slice(`${i}:${i + 2}`, `${j}:${j + 2}`);

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      // distinct values: every 2 x 2 window has a single maximum
      const x = np
        .array(g.shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9]).map((v) => v + g.pick([-2, 0])))
        .reshape([3, 3]);
      const flat = rows(x).flat();
      if (new Set(flat).size !== 9) continue;
      const dy = np.array(g.shuffle([-3, -2, -1, 1, 2, 3, 4]).slice(0, 4)).reshape([2, 2]);
      const dyRows = rows(dy);
      // 2 x 2 windows with stride 1 on a 3 x 3 input: 2 x 2 outputs, each window shares pixels
      const grid = (n: number) => Array.from({ length: n }, () => new Array<number>(n).fill(0));
      const [yA, yMinA] = [grid(2), grid(2)];
      const [dxA, dxOverwriteA, dxAvgA, dxAvgUnscaledA] = [grid(3), grid(3), grid(3), grid(3)];
      const winners: string[] = [];
      for (let i = 0; i < 2; i++)
        for (let j = 0; j < 2; j++) {
          const win = windowOf(x, i, j);
          const m = np.max(win).item();
          const at = rows(win).flat().indexOf(m);
          const [a, b] = [i + Math.floor(at / 2), j + (at % 2)];
          const upstream = dyRows[i]?.[j] ?? 0;
          (yA[i] as number[])[j] = m;
          (yMinA[i] as number[])[j] = np.min(win).item();
          (dxA[a] as number[])[b] = ((dxA[a] as number[])[b] as number) + upstream;
          (dxOverwriteA[a] as number[])[b] = upstream;
          for (let u = 0; u < 2; u++)
            for (let v = 0; v < 2; v++) {
              const avgRow = dxAvgA[i + u] as number[];
              avgRow[j + v] = (avgRow[j + v] as number) + upstream / 4;
              const unscaledRow = dxAvgUnscaledA[i + u] as number[];
              unscaledRow[j + v] = (unscaledRow[j + v] as number) + upstream;
            }
          winners.push(`$y_{${i}${j}} = ${m}$ sits at $x_{${a}${b}}$`);
        }
      const y = np.array(yA);
      const yMin = np.array(yMinA);
      const dx = np.array(dxA);
      const dxOverwrite = np.array(dxOverwriteA);
      const dxAvg = np.array(dxAvgA);
      const dxAvgUnscaled = np.array(dxAvgUnscaledA);
      // at least one pixel must be the maximum of two windows (else nothing accumulates)
      if (np.equal(dx, dxOverwrite).sum().item() === 9) continue;
      return {
        params: {
          x: tex(rows(x)),
          dy: tex(dyRows),
          y: tex(rows(y)),
          dx: tex(rows(dx)),
          dxAvg: tex(rows(dxAvg)),
          winners: winners.join(', '),
          // for the listed mistakes
          yMin: JSON.stringify(rows(yMin)),
          dxOverwrite: JSON.stringify(rows(dxOverwrite)),
          dxAvgJson: JSON.stringify(rows(dxAvg)),
          dxAvgUnscaled: JSON.stringify(rows(dxAvgUnscaled)),
        },
        parts: {
          a: { type: 'matrix', points: 2, key: rows(y), tolerance: { atol: 1e-9 } },
          b: { type: 'matrix', points: 3, key: rows(dx), tolerance: { atol: 1e-9 } },
          c: { type: 'matrix', points: 2, key: rows(dxAvg), tolerance: { rtol: 1e-3, atol: 1e-6 } },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'the minimum of each window',
      response: (v) => strings(JSON.parse(String(v.params.yMin))),
    },
    {
      part: 'b',
      why: 'a pixel that is the maximum of two windows gets only the last gradient (overwritten, not summed)',
      response: (v) => strings(JSON.parse(String(v.params.dxOverwrite))),
    },
    {
      part: 'b',
      why: 'the gradient spread over the window as in average pooling',
      response: (v) => strings(JSON.parse(String(v.params.dxAvgJson))),
    },
    {
      part: 'c',
      why: 'each upstream gradient copied to all four pixels without dividing by the window size',
      response: (v) => strings(JSON.parse(String(v.params.dxAvgUnscaled))),
    },
  ],
};

export default question;
