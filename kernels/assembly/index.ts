/**
 * gradlab's WebAssembly kernels (compiled by scripts/build-wasm.mjs with --enable simd -O3).
 * Every export takes byte offsets into this module's memory; the JS side (src/backend/wasm)
 * owns that memory as an arena above heapBase(): it copies the operands in, calls one export,
 * copies the result out, and resets the arena. Nothing here allocates.
 */
import { conv2d, conv2dScratchBytes } from './conv';
import { binary, unary } from './elementwise';
import { gemm, gemmScratchBytes } from './gemm';
import { pool2d } from './pool';
import { reduce } from './reduce';

/** First free byte after the static data: the arena's base. */
export function heapBase(): usize {
  return __heap_base;
}

export function matmulScratchF32(m: i32, k: i32, n: i32): usize {
  return gemmScratchBytes<f32>(m, k, n);
}
export function matmulScratchF64(m: i32, k: i32, n: i32): usize {
  return gemmScratchBytes<f64>(m, k, n);
}
export function matmulF32(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32, scratch: usize): void {
  gemm<f32>(a, b, c, m, k, n, scratch);
}
export function matmulF64(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32, scratch: usize): void {
  gemm<f64>(a, b, c, m, k, n, scratch);
}

export function conv2dScratchF32(c: i32, f: i32, kh: i32, kw: i32, stride: i32, pad: i32, outH: i32, outW: i32): usize {
  return conv2dScratchBytes<f32>(c, f, kh, kw, stride, pad, outH, outW);
}
export function conv2dScratchF64(c: i32, f: i32, kh: i32, kw: i32, stride: i32, pad: i32, outH: i32, outW: i32): usize {
  return conv2dScratchBytes<f64>(c, f, kh, kw, stride, pad, outH, outW);
}
export function conv2dF32(
  x: usize, w: usize, bias: usize, hasBias: bool, out: usize,
  n: i32, c: i32, h: i32, wIn: i32, f: i32, kh: i32, kw: i32, stride: i32, pad: i32, outH: i32, outW: i32,
  scratch: usize,
): void {
  conv2d<f32>(x, w, bias, hasBias, out, n, c, h, wIn, f, kh, kw, stride, pad, outH, outW, scratch);
}
export function conv2dF64(
  x: usize, w: usize, bias: usize, hasBias: bool, out: usize,
  n: i32, c: i32, h: i32, wIn: i32, f: i32, kh: i32, kw: i32, stride: i32, pad: i32, outH: i32, outW: i32,
  scratch: usize,
): void {
  conv2d<f64>(x, w, bias, hasBias, out, n, c, h, wIn, f, kh, kw, stride, pad, outH, outW, scratch);
}

export function pool2dF32(isMax: bool, x: usize, out: usize, planes: i32, h: i32, w: i32, kh: i32, kw: i32, stride: i32, outH: i32, outW: i32): void {
  pool2d<f32>(isMax, x, out, planes, h, w, kh, kw, stride, outH, outW);
}
export function pool2dF64(isMax: bool, x: usize, out: usize, planes: i32, h: i32, w: i32, kh: i32, kw: i32, stride: i32, outH: i32, outW: i32): void {
  pool2d<f64>(isMax, x, out, planes, h, w, kh, kw, stride, outH, outW);
}

export function unaryF32(op: i32, x: usize, out: usize, len: i32): void {
  unary<f32>(op, x, out, len);
}
export function unaryF64(op: i32, x: usize, out: usize, len: i32): void {
  unary<f64>(op, x, out, len);
}
export function binaryF32(op: i32, a: usize, b: usize, out: usize, len: i32): void {
  binary<f32>(op, a, b, out, len);
}
export function binaryF64(op: i32, a: usize, b: usize, out: usize, len: i32): void {
  binary<f64>(op, a, b, out, len);
}

export function reduceF32(op: i32, x: usize, out: usize, outer: i32, size: i32, inner: i32): void {
  reduce<f32>(op, x, out, outer, size, inner);
}
export function reduceF64(op: i32, x: usize, out: usize, outer: i32, size: i32, inner: i32): void {
  reduce<f64>(op, x, out, outer, size, inner);
}
