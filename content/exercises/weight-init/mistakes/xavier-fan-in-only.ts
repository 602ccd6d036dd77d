// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'xavierNormal scales by the fan-in alone: Xavier averages both fans, variance 2 / (fan-in + fan-out).';

export function xavierNormal(z: NDArray) {
  const shape = z.shape;
  const fanIn = shape.length === 2 ? (shape[0] ?? 1) : shape.slice(1).reduce((a, b) => a * b, 1);
  return { w: z.multiply(Math.sqrt(1 / fanIn)) };
}
