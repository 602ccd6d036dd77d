import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const tex = (rows: number[][]) =>
  `\\begin{pmatrix} ${rows.map((r) => r.map((v) => round(v)).join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
const rowsOf = (a: NDArray) => a.toArray() as number[][];

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const sList = [g.int(-1, 2), g.int(-1, 2), g.int(-1, 2)];
      if (new Set(sList).size < 3) continue;
      const dpList = [g.int(-2, 2), g.int(-2, 2), g.int(-2, 2)];
      if (new Set(dpList).size < 2) continue;
      const s = np.array(sList);
      const e = np.exp(s.subtract(np.max(s)));
      const p = e.divide(e.sum());
      const pCol = p.reshape([3, 1]);
      // J = diag(p) - p p^T
      const jac = np.eye(3).multiply(pCol).subtract(pCol.matmul(pCol.T));
      const dp = np.array([dpList]);
      const ds = dp.matmul(jac);
      const dsList = list(ds);
      // the mistakes
      const diagOnly = np.eye(3).multiply(pCol.multiply(pCol.negative().add(1)));
      const plusSign = np
        .eye(3)
        .multiply(pCol)
        .add(pCol.matmul(pCol.T))
        .subtract(np.eye(3).multiply(pCol.multiply(pCol).multiply(2)));
      const dsDiag = list(dp.matmul(diagOnly));
      if (dsList.every((x, i) => Math.abs(x - (dsDiag[i] ?? 0)) < 0.01)) continue;
      if (dsList.every((x) => Math.abs(x) < 0.01)) continue;
      const dk = g.pick([16, 64, 256]);
      const pl = list(p);
      return {
        params: {
          s: sList.join(', '),
          dp: dpList.join(', '),
          p: pl.map((x) => round(x)).join(', '),
          J: tex(rowsOf(jac)),
          dotp: round(list(dp.matmul(pCol))[0] as number),
          ds: dsList.map((x) => round(x)).join(', '),
          diagOnly: JSON.stringify(rowsOf(diagOnly)),
          plusSign: JSON.stringify(rowsOf(plusSign)),
          dsDiag: JSON.stringify(dsDiag),
          dk,
          sqrtDk: Math.sqrt(dk),
        },
        parts: {
          a: { type: 'numeric', points: 1, key: pl, tolerance: { rtol: 2e-3, atol: 1e-3 } },
          b: { type: 'matrix', points: 2, key: rowsOf(jac), tolerance: { rtol: 5e-3, atol: 2e-3 } },
          c: {
            type: 'numeric',
            points: 2,
            key: dsList,
            tolerance: { rtol: 5e-3, atol: 2e-3 },
            keyFrom: {
              parts: ['a'],
              key: ({ a }) => {
                const q = a as number[];
                if (!Array.isArray(q) || q.length !== 3) return dsList;
                const dot = dpList.reduce((acc, x, i) => acc + x * (q[i] ?? 0), 0);
                return q.map((x, i) => x * ((dpList[i] ?? 0) - dot));
              },
            },
          },
          d: { type: 'integer', points: 1, key: dk },
          e: { type: 'yes-no', points: 2, key: true, reasonPoints: 1 },
        },
      };
    }
  },
  wrong: [
    {
      part: 'b',
      why: 'only the diagonal p_i(1 - p_i), the off-diagonal terms forgotten',
      response: (v) => (JSON.parse(String(v.params.diagOnly)) as number[][]).map((r) => r.map(String)),
    },
    {
      part: 'b',
      why: 'off-diagonal entries with the wrong sign (+p_i p_j)',
      response: (v) => (JSON.parse(String(v.params.plusSign)) as number[][]).map((r) => r.map(String)),
    },
    {
      part: 'c',
      why: 'the upstream gradient multiplied by the diagonal only',
      response: (v) => (JSON.parse(String(v.params.dsDiag)) as number[]).map(String),
    },
    {
      part: 'd',
      why: 'the standard deviation sqrt(d_k) instead of the variance',
      response: (v) => String(v.params.sqrtDk),
    },
    {
      part: 'e',
      why: 'no: a sharper softmax has larger gradients',
      response: () => ({ answer: false, reason: 'the largest probability changes fastest' }),
    },
  ],
};

export default question;
