import type { BinaryOp, UnaryOp } from '../../kernel-types.ts';
import { nanHelpers } from './nan.ts';

/**
 * Elementwise kernels: one shader per op (the op is pasted in as a WGSL expression, so the
 * loop has no branch), 256 threads per workgroup, and a grid-stride loop so that any length
 * fits in the 65,535-workgroup dispatch limit.
 */

export const ELEMENTWISE_WORKGROUP = 256;

/** f32 WGSL expressions of `x`, matching `unaryFunctions` in the js reference. */
const unaryExpressions: Record<UnaryOp, string> = {
  neg: '-x',
  exp: 'exp(x)',
  log: 'log(x)',
  sqrt: 'sqrt(x)',
  tanh: 'tanhStable(x)',
  abs: 'abs(x)',
  relu: 'select(x, 0.0, x < 0.0)', // keeps NaN, like Math.max(x, 0)
  sigmoid: 'sigmoidStable(x)',
  square: 'x * x',
};

const binaryExpressions: Record<BinaryOp, string> = {
  add: 'a + b',
  sub: 'a - b',
  mul: 'a * b',
  div: 'a / b',
  max: 'maxNan(a, b)',
  min: 'minNan(a, b)',
};

const unaryHelpers = /* wgsl */ `
// tanh from exp(-2|x|) <= 1: never overflows (the textbook (e^2x - 1) / (e^2x + 1) gives inf/inf).
fn tanhStable(x: f32) -> f32 {
  let e = exp(-2.0 * abs(x));
  return sign(x) * (1.0 - e) / (1.0 + e);
}
// sigmoid that only ever exponentiates a non-positive number, like the reference.
fn sigmoidStable(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + exp(-x)); }
  let e = exp(x);
  return e / (1.0 + e);
}
`;

export function unaryShader(op: UnaryOp): string {
  return /* wgsl */ `
struct Params { len: u32, unused0: u32, unused1: u32, unused2: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> xs: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
${unaryHelpers}
@compute @workgroup_size(${ELEMENTWISE_WORKGROUP})
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let stride = nwg.x * ${ELEMENTWISE_WORKGROUP}u;
  for (var i = gid.x; i < p.len; i += stride) {
    let x = xs[i];
    out[i] = ${unaryExpressions[op]};
  }
}
`;
}

export function binaryShader(op: BinaryOp): string {
  return /* wgsl */ `
struct Params { len: u32, unused0: u32, unused1: u32, unused2: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
${nanHelpers}
@compute @workgroup_size(${ELEMENTWISE_WORKGROUP})
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let stride = nwg.x * ${ELEMENTWISE_WORKGROUP}u;
  for (var i = gid.x; i < p.len; i += stride) {
    let a = lhs[i];
    let b = rhs[i];
    out[i] = ${binaryExpressions[op]};
  }
}
`;
}
