/**
 * Elementwise kernels. Operation codes (shared with src/backend/wasm/ops.ts):
 * unary  0 neg, 1 exp, 2 log, 3 sqrt, 4 tanh, 5 abs, 6 relu, 7 sigmoid, 8 square
 * binary 0 add, 1 sub, 2 mul, 3 div, 4 max, 5 min
 * Exact ops (neg, abs, sqrt, square, relu and all binary ops) run on v128 lanes; the
 * transcendental ones call AssemblyScript's f64 Math (musl ports) one element at a time,
 * in f64 for both dtypes, as the js reference does.
 */
import { lanes, vabs, vadd, vdiv, vmax, vmin, vmul, vneg, vsplat, vsqrt, vsub } from './simd';

@inline function sigmoid(v: f64): f64 {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

@inline function unaryScalar<T>(op: i32, v: T): T {
  switch (op) {
    case 0:
      return -v;
    case 1:
      return <T>Math.exp(<f64>v);
    case 2:
      return <T>Math.log(<f64>v);
    case 3:
      return sqrt<T>(v);
    case 4:
      return <T>Math.tanh(<f64>v);
    case 5:
      return abs<T>(v);
    case 6:
      return max<T>(v, <T>0);
    case 7:
      return <T>sigmoid(<f64>v);
    default:
      return v * v;
  }
}

@inline function unaryVector<T>(op: i32, v: v128): v128 {
  switch (op) {
    case 0:
      return vneg<T>(v);
    case 3:
      return vsqrt<T>(v);
    case 5:
      return vabs<T>(v);
    case 6:
      return vmax<T>(v, vsplat<T>(<T>0));
    default:
      return vmul<T>(v, v);
  }
}

function unaryLoop<T>(op: i32, x: usize, out: usize, len: i32): void {
  const sz = <usize>sizeof<T>();
  const vectorised = op == 0 || op == 3 || op == 5 || op == 6 || op == 8;
  let i = 0;
  if (vectorised) {
    const l = lanes<T>();
    for (; i + l <= len; i += l) {
      const o = <usize>i * sz;
      v128.store(out + o, unaryVector<T>(op, v128.load(x + o)));
    }
  }
  for (; i < len; i++) {
    const o = <usize>i * sz;
    store<T>(out + o, unaryScalar<T>(op, load<T>(x + o)));
  }
}

export function unary<T>(op: i32, x: usize, out: usize, len: i32): void {
  // One specialised loop per op, so the switch is resolved outside the loop.
  switch (op) {
    case 0:
      unaryLoop<T>(0, x, out, len);
      break;
    case 1:
      unaryLoop<T>(1, x, out, len);
      break;
    case 2:
      unaryLoop<T>(2, x, out, len);
      break;
    case 3:
      unaryLoop<T>(3, x, out, len);
      break;
    case 4:
      unaryLoop<T>(4, x, out, len);
      break;
    case 5:
      unaryLoop<T>(5, x, out, len);
      break;
    case 6:
      unaryLoop<T>(6, x, out, len);
      break;
    case 7:
      unaryLoop<T>(7, x, out, len);
      break;
    default:
      unaryLoop<T>(8, x, out, len);
  }
}

@inline function binaryScalar<T>(op: i32, a: T, b: T): T {
  switch (op) {
    case 0:
      return a + b;
    case 1:
      return a - b;
    case 2:
      return a * b;
    case 3:
      return a / b;
    case 4:
      return max<T>(a, b);
    default:
      return min<T>(a, b);
  }
}

@inline function binaryVector<T>(op: i32, a: v128, b: v128): v128 {
  switch (op) {
    case 0:
      return vadd<T>(a, b);
    case 1:
      return vsub<T>(a, b);
    case 2:
      return vmul<T>(a, b);
    case 3:
      return vdiv<T>(a, b);
    case 4:
      return vmax<T>(a, b);
    default:
      return vmin<T>(a, b);
  }
}

function binaryLoop<T>(op: i32, a: usize, b: usize, out: usize, len: i32): void {
  const sz = <usize>sizeof<T>();
  const l = lanes<T>();
  let i = 0;
  for (; i + l <= len; i += l) {
    const o = <usize>i * sz;
    v128.store(out + o, binaryVector<T>(op, v128.load(a + o), v128.load(b + o)));
  }
  for (; i < len; i++) {
    const o = <usize>i * sz;
    store<T>(out + o, binaryScalar<T>(op, load<T>(a + o), load<T>(b + o)));
  }
}

export function binary<T>(op: i32, a: usize, b: usize, out: usize, len: i32): void {
  switch (op) {
    case 0:
      binaryLoop<T>(0, a, b, out, len);
      break;
    case 1:
      binaryLoop<T>(1, a, b, out, len);
      break;
    case 2:
      binaryLoop<T>(2, a, b, out, len);
      break;
    case 3:
      binaryLoop<T>(3, a, b, out, len);
      break;
    case 4:
      binaryLoop<T>(4, a, b, out, len);
      break;
    default:
      binaryLoop<T>(5, a, b, out, len);
  }
}
