/**
 * Reduces the middle axis of x viewed as (outer, size, inner); op 0 sum, 1 max, 2 min.
 * inner >= lanes: v128 lanes run along the inner axis, each lane summing in ascending s (the
 * reference's order). inner == 1: the contiguous axis is split over the lanes, then combined.
 * An empty axis gives 0 (sum) or NaN (max, min; rejected above the kernel anyway).
 */
import { lanes, vadd, vmax, vmin, vsplat } from './simd';

@inline function combine<T>(op: i32, a: T, b: T): T {
  return op == 0 ? a + b : op == 1 ? max<T>(a, b) : min<T>(a, b);
}

@inline function vcombine<T>(op: i32, a: v128, b: v128): v128 {
  return op == 0 ? vadd<T>(a, b) : op == 1 ? vmax<T>(a, b) : vmin<T>(a, b);
}

function reduceContiguous<T>(op: i32, x: usize, size: i32): T {
  const sz = <usize>sizeof<T>();
  const l = lanes<T>();
  if (size < l) {
    let acc: T = op == 0 ? <T>0 : load<T>(x);
    for (let s = op == 0 ? 0 : 1; s < size; s++) acc = combine<T>(op, acc, load<T>(x + <usize>s * sz));
    return acc;
  }
  let vacc = op == 0 ? vsplat<T>(<T>0) : v128.load(x);
  let s = op == 0 ? 0 : l;
  for (; s + l <= size; s += l) vacc = vcombine<T>(op, vacc, v128.load(x + <usize>s * sz));
  const tmp = memory.data(16, 16);
  v128.store(tmp, vacc);
  let acc = load<T>(tmp);
  for (let q = 1; q < l; q++) acc = combine<T>(op, acc, load<T>(tmp + <usize>q * sz));
  for (; s < size; s++) acc = combine<T>(op, acc, load<T>(x + <usize>s * sz));
  return acc;
}

function reduceOp<T>(op: i32, x: usize, out: usize, outer: i32, size: i32, inner: i32): void {
  const sz = <usize>sizeof<T>();
  const l = lanes<T>();
  const empty: T = op == 0 ? <T>0 : <T>NaN;
  for (let o = 0; o < outer; o++) {
    const block = x + <usize>(o * size * inner) * sz;
    const dst = out + <usize>(o * inner) * sz;
    if (size == 0) {
      for (let i = 0; i < inner; i++) store<T>(dst + <usize>i * sz, empty);
      continue;
    }
    if (inner == 1) {
      store<T>(dst, reduceContiguous<T>(op, block, size));
      continue;
    }
    let i = 0;
    for (; i + l <= inner; i += l) {
      const col = block + <usize>i * sz;
      let vacc = op == 0 ? vsplat<T>(<T>0) : v128.load(col);
      for (let s = op == 0 ? 0 : 1; s < size; s++) {
        vacc = vcombine<T>(op, vacc, v128.load(col + <usize>(s * inner) * sz));
      }
      v128.store(dst + <usize>i * sz, vacc);
    }
    for (; i < inner; i++) {
      const col = block + <usize>i * sz;
      let acc: T = op == 0 ? <T>0 : load<T>(col);
      for (let s = op == 0 ? 0 : 1; s < size; s++) {
        acc = combine<T>(op, acc, load<T>(col + <usize>(s * inner) * sz));
      }
      store<T>(dst + <usize>i * sz, acc);
    }
  }
}

export function reduce<T>(op: i32, x: usize, out: usize, outer: i32, size: i32, inner: i32): void {
  if (op == 0) reduceOp<T>(0, x, out, outer, size, inner);
  else if (op == 1) reduceOp<T>(1, x, out, outer, size, inner);
  else reduceOp<T>(2, x, out, outer, size, inner);
}
