// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'xavierUniform uses sqrt(2 / (fan-in + fan-out)) as the bound: a uniform on [-a, a] has variance a^2 / 3, so a = sqrt(6 / (fan-in + fan-out)).';

export function xavierUniform(u: NDArray) {
  const shape = u.shape;
  const area = shape.length === 2 ? 1 : shape.slice(2).reduce((a, b) => a * b, 1);
  const fanIn = shape.length === 2 ? (shape[0] ?? 1) : (shape[1] ?? 1) * area;
  const fanOut = shape.length === 2 ? (shape[1] ?? 1) : (shape[0] ?? 1) * area;
  return {
    w: u
      .multiply(2)
      .subtract(1)
      .multiply(Math.sqrt(2 / (fanIn + fanOut))),
  };
}
