// Reference solution: server-only, never shipped to a browser.

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
      const window = x.slice(
        ':',
        ':',
        `${i * stride}:${i * stride + ph}`,
        `${j * stride}:${j * stride + pw}`,
      );
      out.set([':', ':', i, j], window.max({ axis: [2, 3] }));
    }
  }
  return { out, cache: { x, poolParam } };
}

export function maxPoolBackwardNaive(dout: NDArray, cache: { x: NDArray; poolParam: PoolParam }) {
  const { x, poolParam } = cache;
  const { poolHeight: ph, poolWidth: pw, stride } = poolParam;
  const [n = 0, c = 0] = x.shape;
  const [, , hOut = 0, wOut = 0] = dout.shape;
  const dx = np.zeros([...x.shape]);
  const positions = np.arange(ph * pw);
  for (let i = 0; i < hOut; i++) {
    for (let j = 0; j < wOut; j++) {
      const rows = `${i * stride}:${i * stride + ph}`;
      const cols = `${j * stride}:${j * stride + pw}`;
      // argmax returns the first maximum in row-major order of the flattened window
      const first = x
        .slice(':', ':', rows, cols)
        .reshape(n, c, ph * pw)
        .argmax({ axis: 2, keepdims: true });
      const onlyFirst = positions.equal(first).astype('float64');
      const routed = onlyFirst.multiply(dout.slice(':', ':', i, j, null)).reshape(n, c, ph, pw);
      dx.set([':', ':', rows, cols], dx.slice(':', ':', rows, cols).add(routed));
    }
  }
  return { dx };
}
