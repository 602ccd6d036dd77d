/**
 * Weight initialisation from given random samples. `np` is available as a global.
 * A weight array is (D, M) for an affine layer (fan-in D, fan-out M) or (F, C, HH, WW) for a
 * convolution (fan-in C*HH*WW, fan-out F*HH*WW).
 */
export function xavierNormal(z: NDArray) {
  // TODO: z * sqrt(2 / (fanIn + fanOut))
  return { w: z.copy() };
}

export function xavierUniform(u: NDArray) {
  // TODO: (2u - 1) * sqrt(6 / (fanIn + fanOut))
  return { w: u.copy() };
}

export function kaimingNormal(z: NDArray) {
  // TODO: z * sqrt(2 / fanIn)
  return { w: z.copy() };
}
