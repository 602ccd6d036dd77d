// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'When a window holds its maximum twice, dx gives dout to every copy: only the first maximum (row-major order) passed through, so only it gets the gradient.';

interface PoolParam {
  poolHeight: number;
  poolWidth: number;
  stride: number;
}

export function maxPoolBackwardNaive(dout: NDArray, cache: { x: NDArray; poolParam: PoolParam }) {
  const { x, poolParam } = cache;
  const { poolHeight: ph, poolWidth: pw, stride } = poolParam;
  const [, , hOut = 0, wOut = 0] = dout.shape;
  const dx = np.zeros([...x.shape]);
  for (let i = 0; i < hOut; i++) {
    for (let j = 0; j < wOut; j++) {
      const rows = `${i * stride}:${i * stride + ph}`;
      const cols = `${j * stride}:${j * stride + pw}`;
      const window = x.slice(':', ':', rows, cols);
      const isMax = window.equal(window.max({ axis: [2, 3], keepdims: true })).astype('float64');
      const routed = isMax.multiply(dout.slice(':', ':', i, j, null, null));
      dx.set([':', ':', rows, cols], dx.slice(':', ':', rows, cols).add(routed));
    }
  }
  return { dx };
}
