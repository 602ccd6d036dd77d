// A known mistake: only the functions that are wrong; the others come from solution.ts.
export const hint =
  'for a convolution the fans count the kernel too: fan-in = C * HH * WW and fan-out = F * HH * WW, not just C and F.';

function fans(shape: readonly number[]) {
  return shape.length === 2
    ? { fanIn: shape[0] ?? 1, fanOut: shape[1] ?? 1 }
    : { fanIn: shape[1] ?? 1, fanOut: shape[0] ?? 1 };
}

export function xavierNormal(z: NDArray) {
  const { fanIn, fanOut } = fans(z.shape);
  return { w: z.multiply(Math.sqrt(2 / (fanIn + fanOut))) };
}

export function xavierUniform(u: NDArray) {
  const { fanIn, fanOut } = fans(u.shape);
  return {
    w: u
      .multiply(2)
      .subtract(1)
      .multiply(Math.sqrt(6 / (fanIn + fanOut))),
  };
}

export function kaimingNormal(z: NDArray) {
  return { w: z.multiply(Math.sqrt(2 / fans(z.shape).fanIn)) };
}
