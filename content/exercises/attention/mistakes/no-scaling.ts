// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'the scores are not divided by sqrt(d): without it large d makes the softmax saturate; scale q k^T by 1/sqrt(d).';

export function attentionForward(q: NDArray, k: NDArray, v: NDArray, mask: NDArray | null) {
  const [n = 0, tq = 0, d = 1] = q.shape;
  const tk = k.shape[1] ?? 0;
  const dv = v.shape[2] ?? 0;
  const Q = q.toTypedArray();
  const K = k.toTypedArray();
  const V = v.toTypedArray();
  const M = mask === null ? null : mask.toTypedArray();
  const P = new Float64Array(n * tq * tk);
  const out = new Float64Array(n * tq * dv);
  const scale = 1;
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < tq; i++) {
      const row = (b * tq + i) * tk;
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < tk; j++) {
        let s = 0;
        for (let c = 0; c < d; c++)
          s += (Q[(b * tq + i) * d + c] as number) * (K[(b * tk + j) * d + c] as number);
        s *= scale;
        if (M !== null && !M[(b * tq + i) * tk + j]) s = Number.NEGATIVE_INFINITY;
        P[row + j] = s;
        if (s > max) max = s;
      }
      let total = 0;
      for (let j = 0; j < tk; j++) {
        const e = Math.exp((P[row + j] as number) - max);
        P[row + j] = e;
        total += e;
      }
      for (let j = 0; j < tk; j++) P[row + j] = (P[row + j] as number) / total;
      for (let j = 0; j < tk; j++)
        for (let c = 0; c < dv; c++)
          out[(b * tq + i) * dv + c] =
            (out[(b * tq + i) * dv + c] as number) +
            (P[row + j] as number) * (V[(b * tk + j) * dv + c] as number);
    }
  }
  return {
    out: np.array(out).reshape([n, tq, dv]),
    cache: { q, k, v, p: np.array(P).reshape([n, tq, tk]), scale },
  };
}
