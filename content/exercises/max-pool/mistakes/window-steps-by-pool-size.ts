// A known mistake: only the functions that are wrong; the others come from solution.ts.
export const hint =
  'The windows start every poolHeight rows (poolWidth columns) instead of every stride: window (i, j) starts at row i * stride and column j * stride.';

interface PoolParam {
  poolHeight: number;
  poolWidth: number;
  stride: number;
}

export function maxPoolForwardNaive(x: NDArray, poolParam: PoolParam) {
  const { poolHeight: ph, poolWidth: pw, stride } = poolParam;
  const [n = 0, c = 0, h = 0, w = 0] = x.shape;
  const hOut = 1 + Math.floor((h - ph) / stride);
  const wOut = 1 + Math.floor((w - pw) / stride);
  const out = np.zeros([n, c, hOut, wOut]);
  for (let i = 0; i < hOut; i++) {
    for (let j = 0; j < wOut; j++) {
      // clipped at the border, as a slice past the end is
      const window = x.slice(':', ':', `${i * ph}:${i * ph + ph}`, `${j * pw}:${j * pw + pw}`);
      if (window.shape[2] === 0 || window.shape[3] === 0) continue;
      out.set([':', ':', i, j], window.max({ axis: [2, 3] }));
    }
  }
  return { out, cache: { x, poolParam } };
}

export function maxPoolBackwardNaive(dout: NDArray, cache: { x: NDArray; poolParam: PoolParam }) {
  const { x, poolParam } = cache;
  const { poolHeight: ph, poolWidth: pw } = poolParam;
  const [n = 0, c = 0] = x.shape;
  const [, , hOut = 0, wOut = 0] = dout.shape;
  const dx = np.zeros([...x.shape]);
  for (let i = 0; i < hOut; i++) {
    for (let j = 0; j < wOut; j++) {
      const rows = `${i * ph}:${i * ph + ph}`;
      const cols = `${j * pw}:${j * pw + pw}`;
      const window = x.slice(':', ':', rows, cols);
      const [, , wh = 0, ww = 0] = window.shape;
      if (wh === 0 || ww === 0) continue;
      const first = window.reshape(n, c, wh * ww).argmax({ axis: 2, keepdims: true });
      const onlyFirst = np
        .arange(wh * ww)
        .equal(first)
        .astype('float64');
      const routed = onlyFirst.multiply(dout.slice(':', ':', i, j, null)).reshape(n, c, wh, ww);
      dx.set([':', ':', rows, cols], dx.slice(':', ':', rows, cols).add(routed));
    }
  }
  return { dx };
}
