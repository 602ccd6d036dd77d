// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'kaimingNormal uses variance 1/fan-in (LeCun): a ReLU zeroes half its inputs, so He doubles it to 2/fan-in.';

export function kaimingNormal(z: NDArray) {
  const shape = z.shape;
  const fanIn = shape.length === 2 ? (shape[0] ?? 1) : shape.slice(1).reduce((a, b) => a * b, 1);
  return { w: z.multiply(Math.sqrt(1 / fanIn)) };
}
