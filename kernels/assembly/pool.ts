/**
 * Max / average pooling, NCHW, no padding; max propagates NaN (f32.max / f64.max do).
 * The common 2x2 / stride 2 max pool runs on v128 lanes: two input rows are maxed vertically,
 * then even and odd columns are deinterleaved with shuffles and maxed.
 */

function maxPool2x2s2<T>(x: usize, out: usize, planes: i32, h: i32, w: i32, outH: i32, outW: i32): void {
  const sz = <usize>sizeof<T>();
  const l = 16 / <i32>sizeof<T>();
  let dst = out;
  for (let plane = 0; plane < planes; plane++) {
    const base = x + <usize>(plane * h * w) * sz;
    for (let oy = 0; oy < outH; oy++) {
      const r0 = base + <usize>(2 * oy * w) * sz;
      const r1 = r0 + <usize>w * sz;
      let ox = 0;
      for (; ox + l <= outW; ox += l) {
        const o = <usize>(2 * ox) * sz;
        let lo: v128;
        let hi: v128;
        if (sizeof<T>() == 4) {
          lo = f32x4.max(v128.load(r0 + o), v128.load(r1 + o));
          hi = f32x4.max(v128.load(r0 + o, 16), v128.load(r1 + o, 16));
          v128.store(dst, f32x4.max(v128.shuffle<f32>(lo, hi, 0, 2, 4, 6), v128.shuffle<f32>(lo, hi, 1, 3, 5, 7)));
        } else {
          lo = f64x2.max(v128.load(r0 + o), v128.load(r1 + o));
          hi = f64x2.max(v128.load(r0 + o, 16), v128.load(r1 + o, 16));
          v128.store(dst, f64x2.max(v128.shuffle<f64>(lo, hi, 0, 2), v128.shuffle<f64>(lo, hi, 1, 3)));
        }
        dst += 16;
      }
      for (; ox < outW; ox++) {
        const o = <usize>(2 * ox) * sz;
        const m = max<T>(max<T>(load<T>(r0 + o), load<T>(r0 + o + sz)), max<T>(load<T>(r1 + o), load<T>(r1 + o + sz)));
        store<T>(dst, m);
        dst += sz;
      }
    }
  }
}

function poolGeneric<T>(
  isMax: bool,
  x: usize,
  out: usize,
  planes: i32,
  h: i32,
  w: i32,
  kh: i32,
  kw: i32,
  stride: i32,
  outH: i32,
  outW: i32,
): void {
  const sz = <usize>sizeof<T>();
  const inv = <T>1 / <T>(kh * kw);
  let dst = out;
  for (let plane = 0; plane < planes; plane++) {
    const base = x + <usize>(plane * h * w) * sz;
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++) {
        let acc: T = isMax ? <T>-Infinity : <T>0;
        for (let ki = 0; ki < kh; ki++) {
          const row = base + <usize>((oy * stride + ki) * w + ox * stride) * sz;
          for (let kj = 0; kj < kw; kj++) {
            const v = load<T>(row + <usize>kj * sz);
            acc = isMax ? max<T>(acc, v) : acc + v;
          }
        }
        store<T>(dst, isMax ? acc : acc * inv);
        dst += sz;
      }
    }
  }
}

export function pool2d<T>(
  isMax: bool,
  x: usize,
  out: usize,
  planes: i32,
  h: i32,
  w: i32,
  kh: i32,
  kw: i32,
  stride: i32,
  outH: i32,
  outW: i32,
): void {
  if (isMax && kh == 2 && kw == 2 && stride == 2) maxPool2x2s2<T>(x, out, planes, h, w, outH, outW);
  else if (isMax) poolGeneric<T>(true, x, out, planes, h, w, kh, kw, stride, outH, outW);
  else poolGeneric<T>(false, x, out, planes, h, w, kh, kw, stride, outH, outW);
}
