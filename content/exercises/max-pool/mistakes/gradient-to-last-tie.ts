// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'On a tie dx goes to the last maximum of the window: the convention here (and argmax) is the first maximum in row-major order.';

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
          let best = Number.NEGATIVE_INFINITY;
          let at = [0, 0];
          for (let p = 0; p < ph; p++) {
            for (let q = 0; q < pw; q++) {
              const v = x.at(b, ch, i * stride + p, j * stride + q);
              if (v >= best) {
                best = v;
                at = [i * stride + p, j * stride + q];
              }
            }
          }
          const [r = 0, s = 0] = at;
          dx.set([b, ch, r, s], dx.at(b, ch, r, s) + dout.at(b, ch, i, j));
        }
      }
    }
  }
  return { dx };
}
