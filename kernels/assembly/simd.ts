/** v128 helpers chosen at compile time by the element type T (f32 -> f32x4, f64 -> f64x2). */

@inline export function lanes<T>(): i32 {
  return 16 / <i32>sizeof<T>();
}

@inline export function vsplat<T>(v: T): v128 {
  if (sizeof<T>() == 4) return f32x4.splat(<f32>v);
  return f64x2.splat(<f64>v);
}

@inline export function vadd<T>(a: v128, b: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.add(a, b);
  return f64x2.add(a, b);
}

@inline export function vsub<T>(a: v128, b: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.sub(a, b);
  return f64x2.sub(a, b);
}

@inline export function vmul<T>(a: v128, b: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.mul(a, b);
  return f64x2.mul(a, b);
}

@inline export function vdiv<T>(a: v128, b: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.div(a, b);
  return f64x2.div(a, b);
}

@inline export function vmax<T>(a: v128, b: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.max(a, b);
  return f64x2.max(a, b);
}

@inline export function vmin<T>(a: v128, b: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.min(a, b);
  return f64x2.min(a, b);
}

@inline export function vneg<T>(a: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.neg(a);
  return f64x2.neg(a);
}

@inline export function vabs<T>(a: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.abs(a);
  return f64x2.abs(a);
}

@inline export function vsqrt<T>(a: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.sqrt(a);
  return f64x2.sqrt(a);
}
