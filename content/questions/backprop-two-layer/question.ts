import type { QuestionSpec } from '@gradlab/content';

const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const tex = (a: NDArray) => {
  const rows = a.ndim === 1 ? list(a).map((v) => [v]) : (a.toArray() as number[][]);
  return `\\begin{pmatrix} ${rows.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
};

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const x = np.array([g.int(-2, 3), g.int(-2, 3)]);
      const w1 = np.array([
        [g.int(-2, 2), g.int(-2, 2)],
        [g.int(-2, 2), g.int(-2, 2)],
      ]);
      const w2 = np.array([g.int(-2, 3), g.int(-2, 3)]);
      const t = g.int(-2, 2);
      const z = w1.matmul(x);
      // exactly one hidden unit active, and no pre-activation exactly at the kink
      const active = list(z).map((v) => (v > 0 ? 1 : 0));
      // (nonzero x and w2 entries, so that the listed mistakes differ from the key)
      if (list(z).some((v) => v === 0) || active[0] === active[1]) continue;
      if (list(x).includes(0) || list(w2).includes(0)) continue;
      const h = np.maximum(z, 0);
      const y = w2.matmul(h).item();
      const dy = y - t;
      if (dy === 0) continue;
      const dz = w2.multiply(dy).multiply(np.array(active));
      const dW1 = dz.reshape([2, 1]).matmul(x.reshape([1, 2]));
      const dx = w1.T.matmul(dz);
      // W1 dz must differ from W1^T dz (else forgetting the transpose goes unnoticed)
      if (list(w1.matmul(dz)).every((v, i) => v === list(dx)[i])) continue;
      return {
        params: {
          x: tex(x),
          W1: tex(w1),
          w2: tex(w2),
          t,
          z: tex(z),
          h: tex(h),
          y,
          dy,
          dz: tex(dz),
          dW1: tex(dW1),
          dx: tex(dx),
          // for the listed mistakes (not shown in the prompt)
          xList: JSON.stringify(list(x)),
          w2List: JSON.stringify(list(w2)),
          w1List: JSON.stringify(w1.toArray()),
          dzList: JSON.stringify(list(dz)),
        },
        parts: {
          a: { type: 'numeric', points: 1, key: y, tolerance: { atol: 1e-9 } },
          b: { type: 'matrix', points: 3, key: dW1.toArray() as number[][], tolerance: { atol: 1e-9 } },
          c: { type: 'numeric', points: 2, key: list(dx), tolerance: { atol: 1e-9 } },
        },
      };
    }
  },
  wrong: [
    {
      part: 'b',
      why: 'the ReLU derivative left out (both units pass the gradient)',
      response: (v) => {
        const x: number[] = JSON.parse(String(v.params.xList));
        const w2: number[] = JSON.parse(String(v.params.w2List));
        return w2.map((w) => x.map((xi) => String(w * Number(v.params.dy) * xi)));
      },
    },
    {
      part: 'b',
      why: 'the transpose, x dz^T',
      response: (v) => {
        const key = (v.parts.b as { key: number[][] }).key;
        return key.map((row, i) => row.map((_, j) => String(key[j]?.[i])));
      },
    },
    {
      part: 'c',
      why: 'W1 dz instead of W1^T dz',
      response: (v) => {
        const w1: number[][] = JSON.parse(String(v.params.w1List));
        const dz: number[] = JSON.parse(String(v.params.dzList));
        return `[${w1.map((row) => row.reduce((sum, w, j) => sum + w * (dz[j] ?? 0), 0)).join(', ')}]`;
      },
    },
  ],
};

export default question;
