// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'out has one row or column too few: a window fits at 1 + (H - poolHeight) / stride positions (the +1 counts the window at position 0).';

interface PoolParam {
  poolHeight: number;
  poolWidth: number;
  stride: number;
}

export function maxPoolForwardNaive(x: NDArray, poolParam: PoolParam) {
  const { poolHeight: ph, poolWidth: pw, stride } = poolParam;
  const [n = 0, c = 0, h = 0, w = 0] = x.shape;
  const hOut = Math.floor((h - ph) / stride);
  const wOut = Math.floor((w - pw) / stride);
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
