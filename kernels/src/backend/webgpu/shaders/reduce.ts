import type { ReduceArgs } from '../../kernel-types.ts';
import { nanHelpers } from './nan.ts';

/**
 * Reductions of the middle axis of x viewed as (outer, size, inner):
 * out[o * inner + i] = op over s of x[(o * size + s) * inner + i]. The host never dispatches
 * these for size 0 (it writes 0 or NaN itself), so both kernels may assume size >= 1.
 *
 * Two kernels:
 * - `tree`: one workgroup of 256 threads per output element. Each thread folds a strided
 *   share of the axis (s = t, t + 256, ...), then the workgroup halves its partials in shared
 *   memory (128, 64, ..., 1) with a barrier between steps. For long axes.
 * - `serial`: one thread per output element looping over the axis in order. For short axes
 *   with many outputs, where a whole workgroup per output would mostly idle.
 */

export type ReduceOp = ReduceArgs['op'];
export const REDUCE_WORKGROUP = 256;
/** Axes at least this long use the tree kernel. */
export const REDUCE_TREE_MIN_SIZE = 64;

const combine: Record<ReduceOp, string> = {
  sum: 'acc + v',
  max: 'maxNan(acc, v)',
  min: 'minNan(acc, v)',
};

const declarations = /* wgsl */ `
struct Params { outer: u32, size: u32, inner: u32, count: u32 }  // count = outer * inner
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> xs: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
${nanHelpers}
`;

function combineFn(op: ReduceOp): string {
  return `fn combine(acc: f32, v: f32) -> f32 { return ${combine[op]}; }`;
}

export function reduceTreeShader(op: ReduceOp): string {
  // max/min start from the axis' first element (any element is neutral); sum from 0.
  const init = op === 'sum' ? '0.0' : 'xs[base]';
  return /* wgsl */ `
${declarations}
${combineFn(op)}

var<workgroup> partial: array<f32, ${REDUCE_WORKGROUP}>;

@compute @workgroup_size(${REDUCE_WORKGROUP})
fn main(@builtin(workgroup_id) wg: vec3u,
        @builtin(num_workgroups) nwg: vec3u,
        @builtin(local_invocation_index) t: u32) {
  // Workgroups are laid out 2-D when there are more than 65,535 outputs.
  let outIndex = wg.y * nwg.x + wg.x;
  if (outIndex >= p.count) { return; }  // uniform: the whole workgroup leaves together
  let o = outIndex / p.inner;
  let i = outIndex % p.inner;
  let base = o * p.size * p.inner + i;

  var acc = ${init};
  for (var s = t; s < p.size; s += ${REDUCE_WORKGROUP}u) {
    acc = combine(acc, xs[base + s * p.inner]);
  }
  partial[t] = acc;
  workgroupBarrier();

  for (var half = ${REDUCE_WORKGROUP / 2}u; half > 0u; half >>= 1u) {
    if (t < half) { partial[t] = combine(partial[t], partial[t + half]); }
    workgroupBarrier();
  }
  if (t == 0u) { out[outIndex] = partial[0]; }
}
`;
}

export function reduceSerialShader(op: ReduceOp): string {
  return /* wgsl */ `
${declarations}
${combineFn(op)}

@compute @workgroup_size(${REDUCE_WORKGROUP})
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let stride = nwg.x * ${REDUCE_WORKGROUP}u;
  for (var outIndex = gid.x; outIndex < p.count; outIndex += stride) {
    let o = outIndex / p.inner;
    let i = outIndex % p.inner;
    let base = o * p.size * p.inner + i;
    var acc = xs[base];
    for (var s = 1u; s < p.size; s++) { acc = combine(acc, xs[base + s * p.inner]); }
    out[outIndex] = acc;
  }
}
`;
}
