/**
 * GEMM: c(m, n) (+)= a(m, k) @ b(k, n), row-major, f32 (v128 = 4 lanes) and f64 (2 lanes).
 *
 * GotoBLAS structure: the k axis is cut into balanced slices of at most KC; for each slice a
 * kc x NC block of b is packed into NR-column micro-panels (one micro-panel, kc x 32 bytes, stays
 * in L1), and an MC x kc block of a is packed into 5-row (and, to fit the block exactly, 4-row)
 * micro-panels that stay in L2. The micro-kernels keep a 5 x 32-byte (or 4 x 32-byte) tile of c in
 * 10 (8) v128 registers for the whole k slice.
 *
 * Why 5 x 8 (f32) / 5 x 4 (f64): V8's x64 code generator allocates xmm0-xmm14 only (xmm15 is
 * its scratch register). 10 accumulators + 2 b vectors + the broadcast a + one product temp is
 * 14 registers: the loop runs without spills. A 6 x 8 tile needs 16 and spills four accumulators
 * to the stack on every k step (measured 20% slower than 4 x 8); unrolling the k loop makes
 * TurboFan hoist the loads and spill too. Compiled with `--enable relaxed-simd`, the mul + add
 * pair becomes one FMA (madd below); the shipped module does not use it yet, because Node 20's
 * V8 (11.3) rejects relaxed SIMD without a flag, so it would need a second module and a choice
 * at load time.
 *
 * Any block height mc >= 12 is a sum of 5s and 4s, so the row edge costs no padding there; the
 * column edge (n not a multiple of NR) and the few heights that are not such a sum go through
 * a tile buffer: the micro-kernel writes the full tile there and only its valid part goes to c.
 * Packing pads with zeros.
 */

import { packBIm2col } from './im2col';

export const KC: i32 = 256;
export const NC: i32 = 1024;
/** Rows of the tall micro-panel; the short one has MR - 1. */
export const MR: i32 = 5;
/** The edge tile: MR rows of 32 bytes. */
const TILE_BYTES: i32 = MR * 32;

/** Rows of a per packed block: a multiple of MR, mc x kc elements fit in L2 (120 KiB). */
@inline function mcFor<T>(): i32 {
  return sizeof<T>() == 4 ? 120 : 60;
}

/** Columns of a micro-panel: 32 bytes. */
@inline function nrFor<T>(): i32 {
  return 32 / <i32>sizeof<T>();
}

/** c += a * b lane-wise: one FMA where the module is built with relaxed SIMD. */
@inline function madd<T>(a: v128, b: v128, c: v128): v128 {
  if (sizeof<T>() == 4) {
    if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
    return f32x4.add(c, f32x4.mul(a, b));
  }
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(c, f64x2.mul(a, b));
}

@inline function vaddT<T>(a: v128, b: v128): v128 {
  return sizeof<T>() == 4 ? f32x4.add(a, b) : f64x2.add(a, b);
}

/** a[row] of one k step of a packed panel, broadcast to every lane. */
/** Stores (or, accumulating, adds onto) one 8-lane row of a micro-tile: 32 bytes at r. */
@inline function storeRow<T>(r: usize, lo: v128, hi: v128, accumulate: bool): void {
  if (accumulate) {
    v128.store(r, vaddT<T>(lo, v128.load(r)));
    v128.store(r, vaddT<T>(hi, v128.load(r, 16)), 16);
  } else {
    v128.store(r, lo);
    v128.store(r, hi, 16);
  }
}

@inline function splat0<T>(p: usize): v128 {
  return sizeof<T>() == 4 ? v128.load32_splat(p) : v128.load64_splat(p);
}
@inline function splat1<T>(p: usize): v128 {
  return sizeof<T>() == 4 ? v128.load32_splat(p, 4) : v128.load64_splat(p, 8);
}
@inline function splat2<T>(p: usize): v128 {
  return sizeof<T>() == 4 ? v128.load32_splat(p, 8) : v128.load64_splat(p, 16);
}
@inline function splat3<T>(p: usize): v128 {
  return sizeof<T>() == 4 ? v128.load32_splat(p, 12) : v128.load64_splat(p, 24);
}
@inline function splat4<T>(p: usize): v128 {
  return sizeof<T>() == 4 ? v128.load32_splat(p, 16) : v128.load64_splat(p, 32);
}

/**
 * Number of MR-row panels an mc-row block starts with; the rest of the block is cut into
 * (MR - 1)-row panels, the last of which may be partial (only when mc is not a sum of 5s and 4s).
 */
@inline function tallPanels(mc: i32): i32 {
  const short = (MR - mc % MR) % MR; // 4-row panels needed for an exact fit
  return short * (MR - 1) <= mc ? (mc - short * (MR - 1)) / MR : mc / MR;
}

/** Bytes of scratch `gemm<T>` needs for these sizes. */
export function gemmScratchBytes<T>(m: i32, k: i32, n: i32): usize {
  if (m == 0 || n == 0 || k == 0) return 0;
  const sz = <i32>sizeof<T>();
  const nr = nrFor<T>();
  const kc = min(KC, k);
  const mc = min(mcFor<T>(), m) + MR - 1; // room for a padded last panel
  const nc = ((min(NC, n) + nr - 1) / nr) * nr;
  return <usize>(TILE_BYTES + mc * kc * sz + kc * nc * sz);
}

/**
 * Packs rows [0, rows) x cols [0, cols) of a (row stride lda elements) into micro-panels: `tall`
 * panels of MR rows, then panels of MR - 1 rows. A panel of height h stores, for each column p,
 * its h values contiguously; the panel starting at row ir starts at element ir * cols.
 */
function packA<T>(a: usize, lda: i32, rows: i32, cols: i32, dst: usize, tall: i32): void {
  const sz = <usize>sizeof<T>();
  const ld = <usize>lda * sz;
  for (let ir = 0; ir < rows; ) {
    const h = ir < tall * MR ? MR : MR - 1;
    const valid = min(h, rows - ir);
    const panel = dst + <usize>(ir * cols) * sz;
    const step = <usize>h * sz;
    for (let r = 0; r < h; r++) {
      let d = panel + <usize>r * sz;
      const end = d + <usize>cols * step;
      if (r < valid) {
        let s = a + <usize>(ir + r) * ld;
        while (d < end) {
          store<T>(d, load<T>(s));
          s += sz;
          d += step;
        }
      } else {
        while (d < end) {
          store<T>(d, <T>0);
          d += step;
        }
      }
    }
    ir += h;
  }
}

/** Packs rows [0, rows) x cols [0, cols) of b (row stride ldb elements) into NR-column micro-panels. */
function packB<T>(b: usize, ldb: i32, rows: i32, cols: i32, dst: usize): void {
  const sz = <usize>sizeof<T>();
  const nr = nrFor<T>();
  const ld = <usize>ldb * sz;
  for (let jr = 0; jr < cols; jr += nr) {
    const w = min(nr, cols - jr);
    let d = dst + <usize>(jr * rows) * sz;
    let s = b + <usize>jr * sz;
    const end = d + <usize>rows * 32;
    if (w == nr) {
      while (d < end) {
        v128.store(d, v128.load(s));
        v128.store(d, v128.load(s, 16), 16);
        s += ld;
        d += 32;
      }
    } else {
      while (d < end) {
        for (let q = 0; q < nr; q++) {
          store<T>(d + <usize>q * sz, q < w ? load<T>(s + <usize>q * sz) : <T>0);
        }
        s += ld;
        d += 32;
      }
    }
  }
}

/** c[5 x 32 bytes] (+)= pa[kc x 5]^T pb[kc x 32 bytes]; ldc in bytes. */
function kernel5<T>(kc: i32, pa: usize, pb: usize, c: usize, ldc: usize, accumulate: bool): void {
  const sz = <usize>sizeof<T>();
  let c00 = i32x4.splat(0);
  let c01 = i32x4.splat(0);
  let c10 = i32x4.splat(0);
  let c11 = i32x4.splat(0);
  let c20 = i32x4.splat(0);
  let c21 = i32x4.splat(0);
  let c30 = i32x4.splat(0);
  let c31 = i32x4.splat(0);
  let c40 = i32x4.splat(0);
  let c41 = i32x4.splat(0);
  const end = pb + <usize>kc * 32;
  while (pb < end) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = splat0<T>(pa);
    c00 = madd<T>(a, b0, c00);
    c01 = madd<T>(a, b1, c01);
    a = splat1<T>(pa);
    c10 = madd<T>(a, b0, c10);
    c11 = madd<T>(a, b1, c11);
    a = splat2<T>(pa);
    c20 = madd<T>(a, b0, c20);
    c21 = madd<T>(a, b1, c21);
    a = splat3<T>(pa);
    c30 = madd<T>(a, b0, c30);
    c31 = madd<T>(a, b1, c31);
    a = splat4<T>(pa);
    c40 = madd<T>(a, b0, c40);
    c41 = madd<T>(a, b1, c41);
    pa += 5 * sz;
    pb += 32;
  }
  let r = c;
  storeRow<T>(r, c00, c01, accumulate);
  r += ldc;
  storeRow<T>(r, c10, c11, accumulate);
  r += ldc;
  storeRow<T>(r, c20, c21, accumulate);
  r += ldc;
  storeRow<T>(r, c30, c31, accumulate);
  r += ldc;
  storeRow<T>(r, c40, c41, accumulate);
}

/** c[4 x 32 bytes] (+)= pa[kc x 4]^T pb[kc x 32 bytes]; ldc in bytes. */
function kernel4<T>(kc: i32, pa: usize, pb: usize, c: usize, ldc: usize, accumulate: bool): void {
  const sz = <usize>sizeof<T>();
  let c00 = i32x4.splat(0);
  let c01 = i32x4.splat(0);
  let c10 = i32x4.splat(0);
  let c11 = i32x4.splat(0);
  let c20 = i32x4.splat(0);
  let c21 = i32x4.splat(0);
  let c30 = i32x4.splat(0);
  let c31 = i32x4.splat(0);
  const end = pb + <usize>kc * 32;
  while (pb < end) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = splat0<T>(pa);
    c00 = madd<T>(a, b0, c00);
    c01 = madd<T>(a, b1, c01);
    a = splat1<T>(pa);
    c10 = madd<T>(a, b0, c10);
    c11 = madd<T>(a, b1, c11);
    a = splat2<T>(pa);
    c20 = madd<T>(a, b0, c20);
    c21 = madd<T>(a, b1, c21);
    a = splat3<T>(pa);
    c30 = madd<T>(a, b0, c30);
    c31 = madd<T>(a, b1, c31);
    pa += 4 * sz;
    pb += 32;
  }
  let r = c;
  storeRow<T>(r, c00, c01, accumulate);
  r += ldc;
  storeRow<T>(r, c10, c11, accumulate);
  r += ldc;
  storeRow<T>(r, c20, c21, accumulate);
  r += ldc;
  storeRow<T>(r, c30, c31, accumulate);
}

/**
 * c = a @ b, or c += a @ b when `addToC`. `scratch` must hold gemmScratchBytes<T>(m, k, n)
 * bytes, 16-byte aligned. The row strides of a, b and c are k, ld and ld elements (ld = 0: n).
 * With `bIm2col`, b is not read: its blocks are packed from the image set by setIm2col (im2col.ts).
 */
export function gemm<T>(
  a: usize,
  b: usize,
  c: usize,
  m: i32,
  k: i32,
  n: i32,
  scratch: usize,
  addToC: bool = false,
  bIm2col: bool = false,
  ld: i32 = 0,
): void {
  const sz = <usize>sizeof<T>();
  if (m == 0 || n == 0) return;
  const ldn = ld > 0 ? ld : n; // row stride of b and c, in elements
  if (k == 0) {
    if (!addToC) for (let i = 0; i < m; i++) memory.fill(c + <usize>(i * ldn) * sz, 0, <usize>n * sz);
    return;
  }
  const nr = nrFor<T>();
  const mcMax = mcFor<T>();
  const ldc = <usize>ldn * sz;
  const tile = scratch;
  const pa = scratch + <usize>TILE_BYTES;
  const pb = pa + <usize>((min(mcMax, m) + MR - 1) * min(KC, k)) * sz;
  // Balanced k slices: 576 = 3 x 192 rather than 256 + 256 + 64.
  const slices = (k + KC - 1) / KC;
  const kcStep = (k + slices - 1) / slices;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += kcStep) {
      const kc = min(kcStep, k - pc);
      const accumulate = addToC || pc > 0;
      if (bIm2col) packBIm2col<T>(pc, kc, jc, nc, pb);
      else packB<T>(b + <usize>(pc * ldn + jc) * sz, ldn, kc, nc, pb);
      for (let ic = 0; ic < m; ic += mcMax) {
        const mc = min(mcMax, m - ic);
        const tall = tallPanels(mc);
        packA<T>(a + <usize>(ic * k + pc) * sz, k, mc, kc, pa, tall);
        for (let jr = 0; jr < nc; jr += nr) {
          const w = min(nr, nc - jr);
          const panelB = pb + <usize>(jr * kc) * sz;
          for (let ir = 0; ir < mc; ) {
            const hp = ir < tall * MR ? MR : MR - 1;
            const h = min(hp, mc - ir);
            const panelA = pa + <usize>(ir * kc) * sz;
            const cp = c + <usize>((ic + ir) * ldn + jc + jr) * sz;
            if (h == hp && w == nr) {
              if (hp == MR) kernel5<T>(kc, panelA, panelB, cp, ldc, accumulate);
              else kernel4<T>(kc, panelA, panelB, cp, ldc, accumulate);
            } else {
              if (hp == MR) kernel5<T>(kc, panelA, panelB, tile, 32, false);
              else kernel4<T>(kc, panelA, panelB, tile, 32, false);
              for (let r = 0; r < h; r++) {
                const row = cp + <usize>r * ldc;
                for (let q = 0; q < w; q++) {
                  const v = load<T>(tile + <usize>(r * 32) + <usize>q * sz);
                  const dst = row + <usize>q * sz;
                  store<T>(dst, accumulate ? load<T>(dst) + v : v);
                }
              }
            }
            ir += hp;
          }
        }
      }
    }
  }
}
