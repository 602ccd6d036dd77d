// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'Where windows overlap, one input can be the maximum of several windows: dx must add up their gradients (dx[...] += ...), not keep only the last one written.';

interface PoolParam {
  poolHeight: number;
  poolWidth: number;
  stride: number;
}

export function maxPoolBackwardNaive(dout: NDArray, cache: { x: NDArray; poolParam: PoolParam }) {
  const { x, poolParam } = cache;
  const { poolHeight: ph, poolWidth: pw, stride } = poolParam;
  const [n = 0, c = 0] = x.shape;
  const [, , hOut = 0, wOut = 0] = dout.shape;
  const dx = np.zeros([...x.shape]);
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      for (let i = 0; i < hOut; i++) {
        for (let j = 0; j < wOut; j++) {
          const window = x.slice(
            b,
            ch,
            `${i * stride}:${i * stride + ph}`,
            `${j * stride}:${j * stride + pw}`,
          );
          const k = window.argmax().item();
          dx.set([b, ch, i * stride + Math.floor(k / pw), j * stride + (k % pw)], dout.at(b, ch, i, j));
        }
      }
    }
  }
  return { dx };
}
