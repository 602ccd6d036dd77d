import type { QuestionSpec } from '@gradlab/content';

const sig = (z: NDArray) => np.array([1]).divide(np.exp(z.multiply(-1)).add(1));
const fig = (x: number) => Number(x.toPrecision(4));

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const x = g.pick([0.5, 1, 1.5, 2]);
      const ws = [0, 1, 2].map(() => g.pick([0.5, 1.5, 2, 3, 4]));
      const depth = g.pick([5, 6, 8, 10, 12]);
      // forward pass, keeping every sigma'(z) = h (1 - h)
      let h = np.array([x]);
      const slopes: number[] = [];
      const zs: number[] = [];
      const hs: number[] = [];
      for (const w of ws) {
        const z = h.multiply(w);
        h = sig(z);
        zs.push(z.item());
        hs.push(h.item());
        slopes.push(h.multiply(h.multiply(-1).add(1)).item());
      }
      const out = h.item();
      // backward: dh3/dx = prod_l w_l sigma'(z_l)
      let grad = np.array([1]);
      for (let l = 2; l >= 0; l--) grad = grad.multiply(slopes[l] ?? 0).multiply(ws[l] ?? 0);
      const dx = grad.item();
      const bound = np.array([0.25]).item() ** depth;
      // ReLU: every z_l > 0 (positive x and weights), so the slope is 1 and dh3/dx = w1 w2 w3
      const reluGrad = ws.reduce((a, b) => a * b, 1);
      const noWeights = slopes.reduce((a, b) => a * b, 1);
      const valuesNotSlopes = hs.reduce((a, b) => a * b, 1) * reluGrad;
      if (Math.abs(reluGrad - 1) < 1e-9) continue;
      if (Math.abs(noWeights - dx) < 0.02 * Math.abs(dx)) continue;
      if (Math.abs(valuesNotSlopes - dx) < 0.02 * Math.abs(dx)) continue;
      return {
        params: {
          x,
          w1: ws[0] ?? 0,
          w2: ws[1] ?? 0,
          w3: ws[2] ?? 0,
          depth,
          zs: zs.map(fig).join(', '),
          hs: hs.map(fig).join(', '),
          slopes: slopes.map(fig).join(', '),
          out: fig(out),
          dx: fig(dx),
          bound: Number(bound.toPrecision(4)),
          reluGrad,
          noWeights,
          valuesNotSlopes,
          linearBound: 0.25 * depth,
        },
        parts: {
          a: { type: 'numeric', points: 2, key: out, tolerance: { sigfigs: 3 } },
          b: { type: 'numeric', points: 3, key: dx, tolerance: { sigfigs: 3 } },
          c: { type: 'numeric', points: 1, key: bound, tolerance: { rtol: 1e-3 } },
          d: { type: 'numeric', points: 1, key: reluGrad, tolerance: { rtol: 1e-3 } },
        },
      };
    }
  },
  wrong: [
    { part: 'b', why: 'the weights left out of the chain rule', response: (v) => String(v.params.noWeights) },
    {
      part: 'b',
      why: "sigma(z) used instead of sigma'(z)",
      response: (v) => String(v.params.valuesNotSlopes),
    },
    { part: 'c', why: '1/4 times the depth', response: (v) => String(v.params.linearBound) },
    { part: 'd', why: 'the weights forgotten (slope 1 only)', response: () => '1' },
  ],
};

export default question;
