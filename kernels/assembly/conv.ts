/**
 * conv2d, NCHW, weights (F, C, kH, kW), zero padding, optional bias, as im2col + GEMM:
 * for each image, the columns matrix col(C*kH*kW, outH*outW) is built, and
 * out_b(F, outH*outW) = w(F, C*kH*kW) @ col, which is already the NCHW layout of the output.
 * A 1x1 / stride 1 / pad 0 convolution skips im2col: col is the image itself.
 */
import { gemm, gemmScratchBytes } from './gemm';

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
  const kdim = c * kh * kw;
  const p = outH * outW;
  const col = isPointwise(kh, kw, stride, pad) ? 0 : <usize>(kdim * p) * sizeof<T>();
  return ((col + 15) & ~15) + gemmScratchBytes<T>(f, kdim, p);
}

function im2col<T>(
  x: usize,
  c: i32,
  h: i32,
  wIn: i32,
  kh: i32,
  kw: i32,
  stride: i32,
  pad: i32,
  outH: i32,
  outW: i32,
  col: usize,
): void {
  const sz = <usize>sizeof<T>();
  let dst = col;
  for (let ci = 0; ci < c; ci++) {
    const plane = x + <usize>(ci * h * wIn) * sz;
    for (let ki = 0; ki < kh; ki++) {
      for (let kj = 0; kj < kw; kj++) {
        for (let oy = 0; oy < outH; oy++) {
          const iy = oy * stride + ki - pad;
          if (iy < 0 || iy >= h) {
            memory.fill(dst, 0, <usize>outW * sz);
            dst += <usize>outW * sz;
            continue;
          }
          const row = plane + <usize>(iy * wIn) * sz;
          if (stride == 1) {
            // ix = ox + kj - pad: zeros on the left and right edges, one contiguous copy between.
            const lo = min(outW, max(0, pad - kj));
            const hi = max(lo, min(outW, wIn + pad - kj));
            if (lo > 0) memory.fill(dst, 0, <usize>lo * sz);
            if (hi > lo) memory.copy(dst + <usize>lo * sz, row + <usize>(lo + kj - pad) * sz, <usize>(hi - lo) * sz);
            if (outW > hi) memory.fill(dst + <usize>hi * sz, 0, <usize>(outW - hi) * sz);
          } else {
            for (let ox = 0; ox < outW; ox++) {
              const ix = ox * stride + kj - pad;
              store<T>(dst + <usize>ox * sz, ix >= 0 && ix < wIn ? load<T>(row + <usize>ix * sz) : <T>0);
            }
          }
          dst += <usize>outW * sz;
        }
      }
    }
  }
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
  const pointwise = isPointwise(kh, kw, stride, pad);
  const colBytes = pointwise ? 0 : <usize>(kdim * p) * sz;
  const gemmScratch = scratch + ((colBytes + 15) & ~15);
  for (let b = 0; b < n; b++) {
    const image = x + <usize>(b * c * h * wIn) * sz;
    const outB = out + <usize>(b * f * p) * sz;
    let col = image;
    if (!pointwise) {
      im2col<T>(image, c, h, wIn, kh, kw, stride, pad, outH, outW, scratch);
      col = scratch;
    }
    gemm<T>(w, col, outB, f, kdim, p, gemmScratch);
    if (hasBias) {
      for (let fo = 0; fo < f; fo++) {
        const beta = load<T>(bias + <usize>fo * sz);
        const row = outB + <usize>(fo * p) * sz;
        for (let i = 0; i < p; i++) {
          const q = row + <usize>i * sz;
          store<T>(q, load<T>(q) + beta);
        }
      }
    }
  }
}
