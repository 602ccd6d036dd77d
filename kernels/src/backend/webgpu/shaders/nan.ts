/**
 * WGSL helpers for NaN-propagating max/min (NumPy's maximum/minimum, like the js reference).
 * WGSL's built-in max/min leave NaN handling to the implementation, so test the bits: a NaN
 * has an all-ones exponent and a non-zero mantissa. When either side is NaN, `a + b` is NaN.
 */
export const nanHelpers = /* wgsl */ `
fn isNan(v: f32) -> bool { return (bitcast<u32>(v) & 0x7fffffffu) > 0x7f800000u; }
fn maxNan(a: f32, b: f32) -> f32 { if (isNan(a) || isNan(b)) { return a + b; } return max(a, b); }
fn minNan(a: f32, b: f32) -> f32 { if (isNan(a) || isNan(b)) { return a + b; } return min(a, b); }
`;
