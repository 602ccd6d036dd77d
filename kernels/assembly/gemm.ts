/**
 * GEMM: c(m, n) = a(m, k) @ b(k, n), row-major, f32 (v128 = 4 lanes) and f64 (2 lanes).
 *
 * GotoBLAS structure: the k axis is cut into KC-deep slices; for each slice a KC x NC block of
 * b is packed into NR-column micro-panels (one micro-panel, KC x 32 bytes, stays in L1), and an
 * MC x KC block of a is packed into 4-row micro-panels (the block stays in L2). The 4 x NR
 * micro-kernel keeps its 4 x 32 bytes of c in 8 v128 registers for the whole k slice.
 * Both dtypes use a micro-panel row of 32 bytes: NR = 8 (f32) or 4 (f64).
 * Packing pads with zeros, so the micro-kernel always runs on a full tile; edge tiles go
 * through a 4 x 32-byte buffer and only their valid part is written to c.
 */

export const MR: i32 = 4;
export const KC: i32 = 256;
export const NC: i32 = 1024;
const TILE_BYTES: i32 = 128;

@inline function mcFor<T>(): i32 {
  return sizeof<T>() == 4 ? 128 : 64;
}

@inline function nrFor<T>(): i32 {
  return 32 / <i32>sizeof<T>();
}

/** Bytes of scratch `gemm<T>` needs for these sizes. */
export function gemmScratchBytes<T>(m: i32, k: i32, n: i32): usize {
  if (m == 0 || n == 0 || k == 0) return 0;
  const sz = <i32>sizeof<T>();
  const nr = nrFor<T>();
  const kc = min(KC, k);
  const mc = min(mcFor<T>(), ((m + MR - 1) / MR) * MR);
  const nc = ((min(NC, n) + nr - 1) / nr) * nr;
  return <usize>(TILE_BYTES + mc * kc * sz + kc * nc * sz);
}

/** Packs rows [0, rows) x cols [0, cols) of a (row stride lda elements) into 4-row micro-panels. */
function packA<T>(a: usize, lda: i32, rows: i32, cols: i32, dst: usize): void {
  const sz = <usize>sizeof<T>();
  for (let ir = 0; ir < rows; ir += MR) {
    const mr = min(MR, rows - ir);
    const panel = dst + <usize>(ir * cols) * sz;
    if (mr == MR) {
      const r0 = a + <usize>(ir * lda) * sz;
      const r1 = r0 + <usize>lda * sz;
      const r2 = r1 + <usize>lda * sz;
      const r3 = r2 + <usize>lda * sz;
      for (let p = 0; p < cols; p++) {
        const d = panel + <usize>(p * MR) * sz;
        const o = <usize>p * sz;
        store<T>(d, load<T>(r0 + o));
        store<T>(d + sz, load<T>(r1 + o));
        store<T>(d + 2 * sz, load<T>(r2 + o));
        store<T>(d + 3 * sz, load<T>(r3 + o));
      }
    } else {
      for (let p = 0; p < cols; p++) {
        const d = panel + <usize>(p * MR) * sz;
        for (let r = 0; r < MR; r++) {
          store<T>(d + <usize>r * sz, r < mr ? load<T>(a + <usize>((ir + r) * lda + p) * sz) : <T>0);
        }
      }
    }
  }
}

/** Packs rows [0, rows) x cols [0, cols) of b (row stride ldb elements) into NR-column micro-panels. */
function packB<T>(b: usize, ldb: i32, rows: i32, cols: i32, dst: usize): void {
  const sz = <usize>sizeof<T>();
  const nr = nrFor<T>();
  for (let jr = 0; jr < cols; jr += nr) {
    const w = min(nr, cols - jr);
    const panel = dst + <usize>(jr * rows) * sz;
    if (w == nr) {
      for (let p = 0; p < rows; p++) {
        const s = b + <usize>(p * ldb + jr) * sz;
        const d = panel + <usize>(p * 32);
        v128.store(d, v128.load(s));
        v128.store(d, v128.load(s, 16), 16);
      }
    } else {
      for (let p = 0; p < rows; p++) {
        const d = panel + <usize>(p * 32);
        for (let q = 0; q < nr; q++) {
          store<T>(d + <usize>q * sz, q < w ? load<T>(b + <usize>(p * ldb + jr + q) * sz) : <T>0);
        }
      }
    }
  }
}

/** c[4 x 8] (+)= pa[kc x 4]^T pb[kc x 8]; ldc in bytes. */
function kernelF32(kc: i32, pa: usize, pb: usize, c: usize, ldc: usize, accumulate: bool): void {
  let c00 = f32x4.splat(0);
  let c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0);
  let c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0);
  let c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0);
  let c31 = f32x4.splat(0);
  const end = pb + <usize>kc * 32;
  while (pb < end) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = f32x4.add(c00, f32x4.mul(a, b0));
    c01 = f32x4.add(c01, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 4);
    c10 = f32x4.add(c10, f32x4.mul(a, b0));
    c11 = f32x4.add(c11, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 8);
    c20 = f32x4.add(c20, f32x4.mul(a, b0));
    c21 = f32x4.add(c21, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 12);
    c30 = f32x4.add(c30, f32x4.mul(a, b0));
    c31 = f32x4.add(c31, f32x4.mul(a, b1));
    pa += 16;
    pb += 32;
  }
  const r1 = c + ldc;
  const r2 = r1 + ldc;
  const r3 = r2 + ldc;
  if (accumulate) {
    c00 = f32x4.add(c00, v128.load(c));
    c01 = f32x4.add(c01, v128.load(c, 16));
    c10 = f32x4.add(c10, v128.load(r1));
    c11 = f32x4.add(c11, v128.load(r1, 16));
    c20 = f32x4.add(c20, v128.load(r2));
    c21 = f32x4.add(c21, v128.load(r2, 16));
    c30 = f32x4.add(c30, v128.load(r3));
    c31 = f32x4.add(c31, v128.load(r3, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(r1, c10);
  v128.store(r1, c11, 16);
  v128.store(r2, c20);
  v128.store(r2, c21, 16);
  v128.store(r3, c30);
  v128.store(r3, c31, 16);
}

/** c[4 x 4] (+)= pa[kc x 4]^T pb[kc x 4], f64; ldc in bytes. */
function kernelF64(kc: i32, pa: usize, pb: usize, c: usize, ldc: usize, accumulate: bool): void {
  let c00 = f64x2.splat(0);
  let c01 = f64x2.splat(0);
  let c10 = f64x2.splat(0);
  let c11 = f64x2.splat(0);
  let c20 = f64x2.splat(0);
  let c21 = f64x2.splat(0);
  let c30 = f64x2.splat(0);
  let c31 = f64x2.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load64_splat(pa);
    c00 = f64x2.add(c00, f64x2.mul(a, b0));
    c01 = f64x2.add(c01, f64x2.mul(a, b1));
    a = v128.load64_splat(pa, 8);
    c10 = f64x2.add(c10, f64x2.mul(a, b0));
    c11 = f64x2.add(c11, f64x2.mul(a, b1));
    a = v128.load64_splat(pa, 16);
    c20 = f64x2.add(c20, f64x2.mul(a, b0));
    c21 = f64x2.add(c21, f64x2.mul(a, b1));
    a = v128.load64_splat(pa, 24);
    c30 = f64x2.add(c30, f64x2.mul(a, b0));
    c31 = f64x2.add(c31, f64x2.mul(a, b1));
    pa += 32;
    pb += 32;
  }
  const r1 = c + ldc;
  const r2 = r1 + ldc;
  const r3 = r2 + ldc;
  if (accumulate) {
    c00 = f64x2.add(c00, v128.load(c));
    c01 = f64x2.add(c01, v128.load(c, 16));
    c10 = f64x2.add(c10, v128.load(r1));
    c11 = f64x2.add(c11, v128.load(r1, 16));
    c20 = f64x2.add(c20, v128.load(r2));
    c21 = f64x2.add(c21, v128.load(r2, 16));
    c30 = f64x2.add(c30, v128.load(r3));
    c31 = f64x2.add(c31, v128.load(r3, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(r1, c10);
  v128.store(r1, c11, 16);
  v128.store(r2, c20);
  v128.store(r2, c21, 16);
  v128.store(r3, c30);
  v128.store(r3, c31, 16);
}

@inline function kernel<T>(kc: i32, pa: usize, pb: usize, c: usize, ldc: usize, accumulate: bool): void {
  if (sizeof<T>() == 4) kernelF32(kc, pa, pb, c, ldc, accumulate);
  else kernelF64(kc, pa, pb, c, ldc, accumulate);
}

/**
 * c = a @ b. `scratch` must hold gemmScratchBytes<T>(m, k, n) bytes, 16-byte aligned.
 * lda / ldb / ldc are the row strides in elements (k, n, n for dense operands).
 */
export function gemm<T>(
  a: usize,
  b: usize,
  c: usize,
  m: i32,
  k: i32,
  n: i32,
  scratch: usize,
): void {
  const sz = <usize>sizeof<T>();
  if (m == 0 || n == 0) return;
  if (k == 0) {
    memory.fill(c, 0, <usize>(m * n) * sz);
    return;
  }
  const nr = nrFor<T>();
  const mcMax = mcFor<T>();
  const ldc = <usize>n * sz;
  const tile = scratch;
  const pa = scratch + <usize>TILE_BYTES;
  const pb = pa + <usize>(min(mcMax, ((m + MR - 1) / MR) * MR) * min(KC, k)) * sz;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      const accumulate = pc > 0;
      packB<T>(b + <usize>(pc * n + jc) * sz, n, kc, nc, pb);
      for (let ic = 0; ic < m; ic += mcMax) {
        const mc = min(mcMax, m - ic);
        packA<T>(a + <usize>(ic * k + pc) * sz, k, mc, kc, pa);
        for (let jr = 0; jr < nc; jr += nr) {
          const w = min(nr, nc - jr);
          const panelB = pb + <usize>(jr * kc) * sz;
          for (let ir = 0; ir < mc; ir += MR) {
            const h = min(MR, mc - ir);
            const panelA = pa + <usize>(ir * kc) * sz;
            const cp = c + <usize>((ic + ir) * n + jc + jr) * sz;
            if (h == MR && w == nr) {
              kernel<T>(kc, panelA, panelB, cp, ldc, accumulate);
            } else {
              kernel<T>(kc, panelA, panelB, tile, 32, false);
              for (let r = 0; r < h; r++) {
                const row = cp + <usize>r * ldc;
                for (let q = 0; q < w; q++) {
                  const v = load<T>(tile + <usize>(r * 32) + <usize>q * sz);
                  const dst = row + <usize>q * sz;
                  store<T>(dst, accumulate ? load<T>(dst) + v : v);
                }
              }
            }
          }
        }
      }
    }
  }
}
