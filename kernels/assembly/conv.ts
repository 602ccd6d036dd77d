/**
 * conv2d, NCHW, weights (F, C, kH, kW), zero padding, optional bias, as an implicit im2col GEMM:
 * for each image, out_b(F, outH*outW) = w(F, C*kH*kW) @ col(C*kH*kW, outH*outW), which is already
 * the NCHW layout of the output. col is never materialised: GEMM packs its blocks straight from
 * the image (im2col.ts). A 1x1 / stride 1 / pad 0 convolution's col is the image itself.
 * With a bias, each output row starts at its bias and the GEMM accumulates onto it.
 * f32 3x3 stride-1 convolutions go through Winograd F(2x2, 3x3) instead (winograd.ts): 2.25x
 * fewer multiply-adds.
 */
import { gemm, gemmScratchBytes } from './gemm';
import { setIm2col } from './im2col';
import { winogradApplies, winogradConv2d, winogradScratchBytes } from './winograd';

@inline function isPointwise(kh: i32, kw: i32, stride: i32, pad: i32): bool {
  return kh == 1 && kw == 1 && stride == 1 && pad == 0;
}

export function conv2dScratchBytes<T>(
  c: i32,
  f: i32,
  kh: i32,
  kw: i32,
  stride: i32,
  pad: i32,
  outH: i32,
  outW: i32,
): usize {
  if (sizeof<T>() == 4 && winogradApplies(kh, kw, stride, outH, outW)) {
    return winogradScratchBytes(c, f, outH, outW);
  }
  return gemmScratchBytes<T>(f, c * kh * kw, outH * outW);
}

export function conv2d<T>(
  x: usize,
  w: usize,
  bias: usize,
  hasBias: bool,
  out: usize,
  n: i32,
  c: i32,
  h: i32,
  wIn: i32,
  f: i32,
  kh: i32,
  kw: i32,
  stride: i32,
  pad: i32,
  outH: i32,
  outW: i32,
  scratch: usize,
): void {
  const sz = <usize>sizeof<T>();
  const kdim = c * kh * kw;
  const p = outH * outW;
  if (p == 0) return;
  if (sizeof<T>() == 4 && winogradApplies(kh, kw, stride, outH, outW)) {
    winogradConv2d(x, w, bias, hasBias, out, n, c, h, wIn, f, pad, outH, outW, scratch);
    return;
  }
  const pointwise = isPointwise(kh, kw, stride, pad);
  for (let b = 0; b < n; b++) {
    const image = x + <usize>(b * c * h * wIn) * sz;
    const outB = out + <usize>(b * f * p) * sz;
    if (hasBias) {
      for (let fo = 0; fo < f; fo++) {
        const beta = load<T>(bias + <usize>fo * sz);
        const row = outB + <usize>(fo * p) * sz;
        for (let i = 0; i < p; i++) store<T>(row + <usize>i * sz, beta);
      }
    }
    if (!pointwise) setIm2col<T>(image, c, h, wIn, kh, kw, stride, pad, outW);
    gemm<T>(w, image, outB, f, kdim, p, scratch, hasBias, !pointwise);
  }
}
