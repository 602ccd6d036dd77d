/**
 * The one tiled GEMM kernel behind both `matmul` and `conv2d` (as an implicit GEMM).
 *
 * out(M, N) = A(M, K) @ B(K, N), where A, B and the output are not arrays but functions:
 * `loadA(row, k)`, `loadB(k, col)` and `storeOut(row, col, value)`, supplied per kernel. Plain
 * matmul reads row-major arrays; conv2d reads the weights as A (F, C*kH*kW) and gathers B from
 * the input image on the fly (im2col without materialising the column matrix).
 *
 * Work split: a workgroup of 16 x 16 threads owns a 64 x 64 output tile. It walks K in slices
 * of 16: all 256 threads cooperatively copy a 64x16 slice of A and a 16x64 slice of B into
 * workgroup memory (zero-filled past the edges, so any M, K, N work), wait at a barrier, then
 * each thread multiplies out its 4 x 4 register block. A thread's rows are lid.y + 16 i and its
 * columns lid.x + 16 j (strided, not adjacent), so neighbouring threads read neighbouring
 * shared-memory words (no bank conflicts) and write neighbouring output elements (coalesced).
 */

/** Output tile edge (rows and columns) computed by one workgroup. */
export const GEMM_TILE = 64;

export interface GemmSource {
  /**
   * WGSL declarations: a `Params` struct with at least `m`, `k`, `n` (u32), bound as
   * `p` at binding 0, the storage buffers, and the functions
   * `loadA(row: u32, k: u32) -> f32`, `loadB(k: u32, col: u32) -> f32` (only called in bounds)
   * and `storeOut(row: u32, col: u32, v: f32)` (only called in bounds).
   */
  declarations: string;
}

export function gemmShader({ declarations }: GemmSource): string {
  return /* wgsl */ `
${declarations}

const TILE: u32 = 64u;    // output rows and columns per workgroup
const TILE_K: u32 = 16u;  // depth of one slice of K held in workgroup memory
const THREADS: u32 = 256u;

var<workgroup> tileA: array<f32, 1024>;  // TILE x TILE_K, tileA[r * TILE_K + kk]
var<workgroup> tileB: array<f32, 1024>;  // TILE_K x TILE, tileB[kk * TILE + c]

/** Stores one row of a register block: columns c, c + 16, c + 32, c + 48, bounds-checked. */
fn storeRow(r: u32, c: u32, v: vec4f) {
  if (r >= p.m) { return; }
  for (var j = 0u; j < 4u; j++) {
    if (c + 16u * j < p.n) { storeOut(r, c + 16u * j, v[j]); }
  }
}

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wg: vec3u,
        @builtin(local_invocation_id) lid: vec3u,
        @builtin(local_invocation_index) li: u32) {
  let row0 = wg.y * TILE;
  let col0 = wg.x * TILE;
  // This thread's 4 x 4 block: accI holds rows lid.y + 16 I, columns lid.x + 16 j (j = x, y, z, w).
  var acc0 = vec4f(0.0);
  var acc1 = vec4f(0.0);
  var acc2 = vec4f(0.0);
  var acc3 = vec4f(0.0);

  let slices = (p.k + TILE_K - 1u) / TILE_K;
  for (var t = 0u; t < slices; t++) {
    let k0 = t * TILE_K;
    // Cooperative load: 1024 elements of each slice, 4 per thread, zero past the edges.
    for (var q = 0u; q < 4u; q++) {
      let e = li + q * THREADS;
      let ar = row0 + e / TILE_K;
      let ak = k0 + e % TILE_K;
      var va = 0.0;
      if (ar < p.m && ak < p.k) { va = loadA(ar, ak); }
      tileA[e] = va;
      let bk = k0 + e / TILE;
      let bc = col0 + e % TILE;
      var vb = 0.0;
      if (bk < p.k && bc < p.n) { vb = loadB(bk, bc); }
      tileB[e] = vb;
    }
    workgroupBarrier();

    // Rank-1 updates of the register block, one per kk: row i of the block is a vec4 of its
    // 4 columns. Written out unrolled so no compiler has to keep an indexed array in registers.
    for (var kk = 0u; kk < TILE_K; kk++) {
      let bRow = kk * TILE + lid.x;
      let bv = vec4f(tileB[bRow], tileB[bRow + 16u], tileB[bRow + 32u], tileB[bRow + 48u]);
      let aCol = lid.y * TILE_K + kk;
      acc0 = fma(vec4f(tileA[aCol]), bv, acc0);
      acc1 = fma(vec4f(tileA[aCol + 16u * TILE_K]), bv, acc1);
      acc2 = fma(vec4f(tileA[aCol + 32u * TILE_K]), bv, acc2);
      acc3 = fma(vec4f(tileA[aCol + 48u * TILE_K]), bv, acc3);
    }
    workgroupBarrier();  // everyone is done reading before the next slice overwrites
  }

  storeRow(row0 + lid.y, col0 + lid.x, acc0);
  storeRow(row0 + lid.y + 16u, col0 + lid.x, acc1);
  storeRow(row0 + lid.y + 32u, col0 + lid.x, acc2);
  storeRow(row0 + lid.y + 48u, col0 + lid.x, acc3);
}
`;
}

/** matmul: out(m, n) = a(m, k) @ b(k, n), all row-major. Bindings: params, a, b, out. */
export const matmulShader = gemmShader({
  declarations: /* wgsl */ `
struct Params { m: u32, k: u32, n: u32, unused: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

fn loadA(r: u32, kk: u32) -> f32 { return a[r * p.k + kk]; }
fn loadB(kk: u32, c: u32) -> f32 { return b[kk * p.n + c]; }
fn storeOut(r: u32, c: u32, v: f32) { out[r * p.n + c] = v; }
`,
});

/**
 * conv2d as an implicit GEMM: M = F filters, K = C * kH * kW taps, N = batch * outH * outW
 * output pixels. A is the weight tensor (F, C, kH, kW) read as (F, K), row-major already.
 * B(k, col) is the input pixel that tap k of output pixel col looks at, or 0 in the padding.
 * Bindings: params, x, w, bias (a dummy when hasBias is 0), out.
 */
export const conv2dShader = gemmShader({
  declarations: /* wgsl */ `
struct Params {
  m: u32, k: u32, n: u32,          // GEMM view: F, C*kH*kW, batch*outH*outW
  c: u32, h: u32, w: u32,          // input channels and spatial size
  kh: u32, kw: u32, stride: u32, pad: u32,
  outH: u32, outW: u32, hasBias: u32,
  unused0: u32, unused1: u32, unused2: u32,
}
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> wt: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

fn loadA(f: u32, kk: u32) -> f32 { return wt[f * p.k + kk]; }

fn loadB(kk: u32, col: u32) -> f32 {
  // Which tap: channel ci, kernel row ki, kernel column kj.
  let taps = p.kh * p.kw;
  let ci = kk / taps;
  let ki = (kk % taps) / p.kw;
  let kj = kk % p.kw;
  // Which output pixel: image b, row oy, column ox.
  let plane = p.outH * p.outW;
  let b = col / plane;
  let oy = (col % plane) / p.outW;
  let ox = col % p.outW;
  // Input coordinates, signed because of the padding.
  let iy = i32(oy * p.stride + ki) - i32(p.pad);
  let ix = i32(ox * p.stride + kj) - i32(p.pad);
  if (iy < 0 || ix < 0 || iy >= i32(p.h) || ix >= i32(p.w)) { return 0.0; }
  return x[((b * p.c + ci) * p.h + u32(iy)) * p.w + u32(ix)];
}

fn storeOut(f: u32, col: u32, v: f32) {
  let plane = p.outH * p.outW;
  let b = col / plane;
  var bv = 0.0;
  if (p.hasBias != 0u) { bv = bias[f]; }
  out[(b * p.m + f) * plane + col % plane] = v + bv;
}
`,
});
