// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  "dk and dq use the upstream gradient of the scores without the softmax's Jacobian: go through dp, then ds = p * (dp - sum(p * dp)).";

export function attentionBackward(
  dout: NDArray,
  cache: { q: NDArray; k: NDArray; v: NDArray; p: NDArray; scale: number },
) {
  const { q, k, v, p, scale } = cache;
  const [n = 0, tq = 0, d = 1] = q.shape;
  const tk = k.shape[1] ?? 0;
  const dv = v.shape[2] ?? 0;
  const Q = q.toTypedArray();
  const K = k.toTypedArray();
  const V = v.toTypedArray();
  const P = p.toTypedArray();
  const G = dout.toTypedArray();
  const dq = new Float64Array(Q.length);
  const dk = new Float64Array(K.length);
  const dV = new Float64Array(V.length);
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < tq; i++) {
      const row = (b * tq + i) * tk;
      const dP = new Float64Array(tk);
      for (let j = 0; j < tk; j++) {
        let s = 0;
        for (let c = 0; c < dv; c++) {
          const g = G[(b * tq + i) * dv + c] as number;
          s += g * (V[(b * tk + j) * dv + c] as number);
          dV[(b * tk + j) * dv + c] = (dV[(b * tk + j) * dv + c] as number) + (P[row + j] as number) * g;
        }
        dP[j] = s;
      }
      for (let j = 0; j < tk; j++) {
        const dS = (dP[j] as number) * scale;
        for (let c = 0; c < d; c++) {
          dq[(b * tq + i) * d + c] =
            (dq[(b * tq + i) * d + c] as number) + dS * (K[(b * tk + j) * d + c] as number);
          dk[(b * tk + j) * d + c] =
            (dk[(b * tk + j) * d + c] as number) + dS * (Q[(b * tq + i) * d + c] as number);
        }
      }
    }
  }
  return {
    dq: np.array(dq).reshape([...q.shape]),
    dk: np.array(dk).reshape([...k.shape]),
    dv: np.array(dV).reshape([...v.shape]),
  };
}
