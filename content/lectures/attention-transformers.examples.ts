import { get, type Mat, map, matmul, randn, scale, softmaxRows, transpose } from './examples/_math.ts';

/** Scaled dot-product attention, rows are tokens; an optional causal mask hides later tokens. */
export function attention(Q: Mat, K: Mat, V: Mat, causal = false) {
  const dk = Q[0]?.length ?? 1;
  const scores = scale(matmul(Q, transpose(K)), 1 / Math.sqrt(dk));
  const masked = causal ? map(scores, (v, i, j) => (j > i ? Number.NEGATIVE_INFINITY : v)) : scores;
  const weights = softmaxRows(masked);
  return { scores, weights, out: matmul(weights, V) };
}

export const tokens = ['the', 'cat', 'sat'];

export const small = (() => {
  const Q = [
    [1, 0],
    [0, 1],
    [1, 1],
  ];
  const K = [
    [1, 0],
    [1, 1],
    [0, 2],
  ];
  const V = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  const full = attention(Q, K, V);
  const causal = attention(Q, K, V, true);
  return { Q, K, V, ...full, causalWeights: causal.weights, causalOut: causal.out };
})();

/** Why scale by sqrt(d_k): the variance of q.k for unit-variance entries grows like d_k. */
export const scaling = (() => {
  const dims = [4, 64, 512];
  const rows = dims.map((d) => {
    const q = randn(400, d, d);
    const k = randn(400, d, d + 1);
    const dots = q.map((row, i) => row.reduce((s, v, j) => s + v * get(k[i] ?? [], j), 0));
    const mean = dots.reduce((s, v) => s + v, 0) / dots.length;
    const variance = dots.reduce((s, v) => s + (v - mean) ** 2, 0) / dots.length;
    return { d, variance, scaledVariance: variance / d };
  });
  // a softmax over 8 scores whose spread is sqrt(512) versus 1
  const raw = randn(1, 8, 99)[0] ?? [];
  const unscaled = softmaxRows([raw.map((v) => v * Math.sqrt(512))])[0] ?? [];
  const scaled = softmaxRows([raw])[0] ?? [];
  const maxUnscaled = Math.max(...unscaled);
  return { rows, maxUnscaled, restUnscaled: 1 - maxUnscaled, maxScaled: Math.max(...scaled) };
})();

/** Sinusoidal positional encoding. */
export function positionalEncoding(positions: number, d: number): Mat {
  return Array.from({ length: positions }, (_, pos) =>
    Array.from({ length: d }, (_, j) => {
      const i = Math.floor(j / 2);
      const angle = pos / 10000 ** ((2 * i) / d);
      return j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }),
  );
}

export const pe = positionalEncoding(4, 4);

/** Parameter counts of multi-head attention and of one transformer block. */
export const counts = (() => {
  const dModel = 512;
  const heads = 8;
  const dff = 2048;
  const attn = 4 * (dModel * dModel + dModel);
  const ffn = dModel * dff + dff + dff * dModel + dModel;
  const norms = 2 * 2 * dModel;
  return { dModel, heads, dk: dModel / heads, dff, attn, ffn, norms, block: attn + ffn + norms };
})();

export const cost = (() => {
  const n = 1024;
  const heads = 8;
  return { n, heads, entries: n * n, perLayer: n * n * heads };
})();

/** Check-yourself numbers: multi-head attention with d_model = 256 and 4 heads. */
export const quiz = { dModel: 256, heads: 4, dk: 256 / 4, params: 4 * (256 * 256 + 256) };

/** The softmax Jacobian J = diag(p) - p p^T, for one row of the example and for a saturated row. */
export function softmaxJacobian(p: number[]): Mat {
  return p.map((pi, i) => p.map((pj, j) => (i === j ? pi : 0) - pi * pj));
}

export const jacobian = (() => {
  const s = small.scores[0] ?? [];
  const p = small.weights[0] ?? [];
  const J = softmaxJacobian(p);
  // a vector-Jacobian product: ds = dp J = p * (dp - dp.p), without building J
  const dp = [1, 0, -1];
  const dotp = dp.reduce((acc, v, i) => acc + v * get(p, i), 0);
  const ds = p.map((pi, i) => pi * (get(dp, i) - dotp));
  const raw = randn(1, 8, 99)[0] ?? [];
  const saturated = softmaxRows([raw.map((v) => v * Math.sqrt(512))])[0] ?? [];
  const largestSaturated = Math.max(...softmaxJacobian(saturated).flat().map(Math.abs));
  const largestScaled = Math.max(
    ...softmaxJacobian(softmaxRows([raw])[0] ?? [])
      .flat()
      .map(Math.abs),
  );
  return { s, p, J, dp, ds, largestSaturated, largestScaled };
})();
