/** The attention heatmap's arithmetic: scaled dot-product attention with an optional causal mask. */

export function attend(Q: number[][], K: number[][], V: number[][], causal: boolean) {
  const dk = Q[0]?.length ?? 1;
  const weights = Q.map((q, i) => {
    const scores = K.map((k, j) =>
      causal && j > i
        ? Number.NEGATIVE_INFINITY
        : q.reduce((s, v, d) => s + v * (k[d] ?? 0), 0) / Math.sqrt(dk),
    );
    const m = Math.max(...scores);
    const e = scores.map((s) => Math.exp(s - m));
    const z = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / z);
  });
  const out = weights.map((w) =>
    (V[0] ?? []).map((_, c) => w.reduce((s, wj, j) => s + wj * (V[j]?.[c] ?? 0), 0)),
  );
  return { weights, out };
}
