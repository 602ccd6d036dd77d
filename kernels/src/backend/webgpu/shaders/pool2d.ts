import type { Pool2dArgs } from '../../kernel-types.ts';
import { nanHelpers } from './nan.ts';

/**
 * Max or average pooling, NCHW, no padding: one thread per output element (grid-stride),
 * looping over its kH x kW window in row-major order like the reference. Max propagates NaN.
 */

export const POOL_WORKGROUP = 256;

export function pool2dShader(kind: Pool2dArgs['kind']): string {
  const init = kind === 'max' ? 'xs[base + oy * p.stride * p.w + ox * p.stride]' : '0.0';
  const fold = kind === 'max' ? 'acc = maxNan(acc, v);' : 'acc += v;';
  const result = kind === 'max' ? 'acc' : 'acc / f32(p.kh * p.kw)';
  return /* wgsl */ `
struct Params {
  planes: u32, h: u32, w: u32, kh: u32,
  kw: u32, stride: u32, outH: u32, outW: u32,
}
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> xs: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
${nanHelpers}

@compute @workgroup_size(${POOL_WORKGROUP})
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let total = p.planes * p.outH * p.outW;
  let stride = nwg.x * ${POOL_WORKGROUP}u;
  for (var idx = gid.x; idx < total; idx += stride) {
    let plane = idx / (p.outH * p.outW);
    let oy = (idx / p.outW) % p.outH;
    let ox = idx % p.outW;
    let base = plane * p.h * p.w;
    var acc = ${init};
    for (var ki = 0u; ki < p.kh; ki++) {
      let row = base + (oy * p.stride + ki) * p.w + ox * p.stride;
      for (var kj = 0u; kj < p.kw; kj++) {
        let v = xs[row + kj];
        ${fold}
      }
    }
    out[idx] = ${result};
  }
}
`;
}
