/**
 * The implicit im2col matrix of one image of a conv2d: col(C*kH*kW, outH*outW), where row
 * (ci, ki, kj) and column (oy, ox) hold x[ci][oy*stride + ki - pad][ox*stride + kj - pad], or 0 in
 * the padding. GEMM packs its b blocks straight from the image through packBIm2col instead of
 * reading a materialised col matrix: one pass over memory instead of three (write col, read col,
 * write the packed panel).
 */

let gX: usize = 0;
let gXEnd: usize = 0;
let gH: i32 = 0;
let gW: i32 = 0;
let gKh: i32 = 0;
let gKw: i32 = 0;
let gStride: i32 = 1;
let gPad: i32 = 0;
let gOutW: i32 = 1;

/** Sets the image (x: c planes of h x w elements of T) and geometry packBIm2col reads. */
export function setIm2col<T>(
  x: usize,
  c: i32,
  h: i32,
  w: i32,
  kh: i32,
  kw: i32,
  stride: i32,
  pad: i32,
  outW: i32,
): void {
  gX = x;
  gXEnd = x + <usize>(c * h * w) * sizeof<T>();
  gH = h;
  gW = w;
  gKh = kh;
  gKw = kw;
  gStride = stride;
  gPad = pad;
  gOutW = outW;
}

/**
 * Packs rows [pc, pc + kc) x columns [jc, jc + nc) of the implicit col matrix into 32-byte
 * micro-panels, the layout gemm's packB produces: panel jr holds, for each row, the NR values of
 * columns jc + jr ... jc + jr + NR - 1 (zero past nc).
 */
export function packBIm2col<T>(pc: i32, kc: i32, jc: i32, nc: i32, dst: usize): void {
  const sz = <usize>sizeof<T>();
  const nr = 32 / <i32>sizeof<T>();
  const khw = gKh * gKw;
  const rowBytes = <usize>gW * sz;
  const planeBytes = <usize>gH * rowBytes;
  // Lane indices 0..lanes-1 and lanes..2*lanes-1, for the in-row masks of the vector path.
  const lo = sizeof<T>() == 4 ? i32x4(0, 1, 2, 3) : i64x2(0, 1);
  const hi = sizeof<T>() == 4 ? i32x4(4, 5, 6, 7) : i64x2(2, 3);
  const wv = sizeof<T>() == 4 ? i32x4.splat(gW) : i64x2.splat(<i64>gW);
  for (let jr = 0; jr < nc; jr += nr) {
    const j0 = jc + jr;
    const w = min(nr, nc - jr);
    const oy = j0 / gOutW;
    const ox0 = j0 - oy * gOutW;
    // The vector path needs the panel's columns in one output row, stride 1.
    const oneRow = w == nr && ox0 + nr <= gOutW && gStride == 1;
    let d = dst + <usize>(jr * kc) * sz;
    const end = d + <usize>kc * 32;
    const ci = pc / khw;
    const rem = pc - ci * khw;
    let ki = rem / gKw;
    let kj = rem - ki * gKw;
    let plane = gX + <usize>ci * planeBytes;
    while (d < end) {
      const iy = oy * gStride + ki - gPad;
      const ix0 = ox0 * gStride + kj - gPad;
      if (oneRow) {
        if (iy < 0 || iy >= gH) {
          v128.store(d, i32x4.splat(0));
          v128.store(d, i32x4.splat(0), 16);
        } else {
          const s = plane + <usize>iy * rowBytes + <usize>ix0 * sz;
          if (ix0 >= 0 && ix0 + nr <= gW) {
            v128.store(d, v128.load(s));
            v128.store(d, v128.load(s, 16), 16);
          } else if (s >= gX && s + 32 <= gXEnd) {
            // Part of the window hangs over the left or right padding: load the 32 bytes (they
            // lie inside x) and zero the lanes outside [0, w).
            const first = sizeof<T>() == 4 ? i32x4.splat(ix0) : i64x2.splat(<i64>ix0);
            let i0 = sizeof<T>() == 4 ? i32x4.add(first, lo) : i64x2.add(first, lo);
            let i1 = sizeof<T>() == 4 ? i32x4.add(first, hi) : i64x2.add(first, hi);
            if (sizeof<T>() == 4) {
              i0 = v128.and(i32x4.ge_s(i0, i32x4.splat(0)), i32x4.lt_s(i0, wv));
              i1 = v128.and(i32x4.ge_s(i1, i32x4.splat(0)), i32x4.lt_s(i1, wv));
            } else {
              i0 = v128.and(i64x2.ge_s(i0, i64x2.splat(0)), i64x2.lt_s(i0, wv));
              i1 = v128.and(i64x2.ge_s(i1, i64x2.splat(0)), i64x2.lt_s(i1, wv));
            }
            v128.store(d, v128.and(v128.load(s), i0));
            v128.store(d, v128.and(v128.load(s, 16), i1), 16);
          } else {
            for (let q = 0; q < nr; q++) {
              const ix = ix0 + q;
              store<T>(d + <usize>q * sz, ix >= 0 && ix < gW ? load<T>(s + <usize>q * sz) : <T>0);
            }
          }
        }
      } else {
        // Columns that wrap to the next output row, a partial last panel, or stride > 1.
        let y = oy;
        let x = ox0;
        for (let q = 0; q < nr; q++) {
          let v = <T>0;
          if (q < w) {
            const iyq = y * gStride + ki - gPad;
            const ixq = x * gStride + kj - gPad;
            if (iyq >= 0 && iyq < gH && ixq >= 0 && ixq < gW) {
              v = load<T>(plane + <usize>iyq * rowBytes + <usize>ixq * sz);
            }
            if (++x == gOutW) {
              x = 0;
              y++;
            }
          }
          store<T>(d + <usize>q * sz, v);
        }
      }
      d += 32;
      if (++kj == gKw) {
        kj = 0;
        if (++ki == gKh) {
          ki = 0;
          plane += planeBytes;
        }
      }
    }
  }
}
