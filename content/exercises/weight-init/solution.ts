// Reference solution: server-only, never shipped to a browser.

/** Fan-in and fan-out of a weight array: (D, M) for a layer, (F, C, HH, WW) for a convolution. */
function fans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 2) return { fanIn: shape[0] ?? 1, fanOut: shape[1] ?? 1 };
  const [f = 1, c = 1, ...kernel] = shape;
  const area = kernel.reduce((a, b) => a * b, 1);
  return { fanIn: c * area, fanOut: f * area };
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
  const { fanIn } = fans(z.shape);
  return { w: z.multiply(Math.sqrt(2 / fanIn)) };
}
