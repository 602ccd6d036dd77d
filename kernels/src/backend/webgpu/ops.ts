import type { BinaryOp, Conv2dArgs, Pool2dArgs, UnaryOp } from '../kernel-types.ts';
import { checkLength, type GpuContext, type GpuTensor } from './gpu-context.ts';
import { binaryShader, ELEMENTWISE_WORKGROUP, unaryShader } from './shaders/elementwise.ts';
import { conv2dShader, GEMM_TILE, matmulShader } from './shaders/gemm.ts';
import { POOL_WORKGROUP, pool2dShader } from './shaders/pool2d.ts';
import {
  REDUCE_TREE_MIN_SIZE,
  REDUCE_WORKGROUP,
  type ReduceOp,
  reduceSerialShader,
  reduceTreeShader,
} from './shaders/reduce.ts';

/** conv2d sizes, as in the contract's Conv2dArgs without the arrays. */
export type Conv2dDims = Omit<Conv2dArgs, 'x' | 'w' | 'bias' | 'out'>;
/** pool2d sizes, as in the contract's Pool2dArgs without the arrays and the kind. */
export type Pool2dDims = Omit<Pool2dArgs, 'x' | 'out' | 'kind'>;
export type { ReduceOp };

/**
 * The batched API: each method records one kernel on GPU-resident tensors and returns the
 * output tensor (a new one, or `out` when given) without submitting or reading anything.
 * Work is submitted by `read`, `sync` or `flush` on the backend. Empty outputs never dispatch.
 */
export class WebGpuOps {
  constructor(private readonly ctx: GpuContext) {}

  /** out(m, n) = a(m, k) @ b(k, n), row-major. */
  matmul(a: GpuTensor, b: GpuTensor, m: number, k: number, n: number, out?: GpuTensor): GpuTensor {
    for (const [name, v] of [
      ['m', m],
      ['k', k],
      ['n', n],
    ] as const)
      checkLength(name, v);
    this.expect('matmul', 'a', a, m * k);
    this.expect('matmul', 'b', b, k * n);
    const result = this.output('matmul', out, m * n);
    if (m * n === 0) return result;
    if (k === 0) return this.fill(result, 0); // an empty sum
    const groups: [number, number] = [Math.ceil(n / GEMM_TILE), Math.ceil(m / GEMM_TILE)];
    this.ctx.dispatch('matmul', matmulShader, words(m, k, n), [a, b], result, groups);
    return result;
  }

  /** 2-D cross-correlation, NCHW, weights (F, C, kH, kW), optional bias (F,), zero padding. */
  conv2d(
    x: GpuTensor,
    w: GpuTensor,
    bias: GpuTensor | undefined,
    dims: Conv2dDims,
    out?: GpuTensor,
  ): GpuTensor {
    const { n, c, h, wIn, f, kh, kw, stride, pad, outH, outW } = dims;
    for (const [name, v] of Object.entries(dims)) checkLength(`conv2d: ${name}`, v);
    if (stride < 1) throw new RangeError(`conv2d: stride must be at least 1, got ${stride}`);
    const wantH = Math.floor((h + 2 * pad - kh) / stride) + 1;
    const wantW = Math.floor((wIn + 2 * pad - kw) / stride) + 1;
    if (outH !== Math.max(0, wantH) || outW !== Math.max(0, wantW)) {
      throw new RangeError(
        `conv2d: outH x outW must be ${wantH} x ${wantW} for these sizes, got ${outH} x ${outW}`,
      );
    }
    this.expect('conv2d', 'x', x, n * c * h * wIn);
    this.expect('conv2d', 'w', w, f * c * kh * kw);
    if (bias) this.expect('conv2d', 'bias', bias, f);
    const result = this.output('conv2d', out, n * f * outH * outW);
    if (result.length === 0) return result;
    const taps = c * kh * kw;
    const columns = n * outH * outW;
    const params = words(f, taps, columns, c, h, wIn, kh, kw, stride, pad, outH, outW, bias ? 1 : 0, 0, 0, 0);
    // The shader always binds a bias buffer; without one it binds `w` and never reads it.
    const groups: [number, number] = [Math.ceil(columns / GEMM_TILE), Math.ceil(f / GEMM_TILE)];
    this.ctx.dispatch('conv2d', conv2dShader, params, [x, w, bias ?? w], result, groups);
    return result;
  }

  /** Max or average pooling, NCHW, no padding. */
  pool2d(kind: Pool2dArgs['kind'], x: GpuTensor, dims: Pool2dDims, out?: GpuTensor): GpuTensor {
    const { n, c, h, w, kh, kw, stride, outH, outW } = dims;
    for (const [name, v] of Object.entries(dims)) checkLength(`pool2d: ${name}`, v);
    if (stride < 1 || kh < 1 || kw < 1) throw new RangeError('pool2d: stride, kh and kw must be at least 1');
    const wantH = Math.floor((h - kh) / stride) + 1;
    const wantW = Math.floor((w - kw) / stride) + 1;
    if (outH !== Math.max(0, wantH) || outW !== Math.max(0, wantW)) {
      throw new RangeError(
        `pool2d: outH x outW must be ${wantH} x ${wantW} for these sizes, got ${outH} x ${outW}`,
      );
    }
    this.expect('pool2d', 'x', x, n * c * h * w);
    const result = this.output('pool2d', out, n * c * outH * outW);
    if (result.length === 0) return result;
    const params = words(n * c, h, w, kh, kw, stride, outH, outW);
    this.ctx.dispatch(
      `pool2d.${kind}`,
      pool2dShader(kind),
      params,
      [x],
      result,
      this.ctx.gridFor(result.length, POOL_WORKGROUP),
    );
    return result;
  }

  unary(op: UnaryOp, x: GpuTensor, out?: GpuTensor): GpuTensor {
    this.expect(op, 'x', x, x.length);
    const result = this.output(op, out, x.length);
    if (result.length === 0) return result;
    const grid = this.ctx.gridFor(x.length, ELEMENTWISE_WORKGROUP);
    this.ctx.dispatch(`unary.${op}`, unaryShader(op), words(x.length), [x], result, grid);
    return result;
  }

  /** out[i] = op(a[i], b[i]); a and b have the same length (broadcasting happens above). */
  binary(op: BinaryOp, a: GpuTensor, b: GpuTensor, out?: GpuTensor): GpuTensor {
    this.expect(op, 'a', a, a.length);
    this.expect(op, 'b', b, a.length);
    const result = this.output(op, out, a.length);
    if (result.length === 0) return result;
    const grid = this.ctx.gridFor(a.length, ELEMENTWISE_WORKGROUP);
    this.ctx.dispatch(`binary.${op}`, binaryShader(op), words(a.length), [a, b], result, grid);
    return result;
  }

  /** Reduces the middle axis of x viewed as (outer, size, inner) to (outer, inner). */
  reduce(op: ReduceOp, x: GpuTensor, outer: number, size: number, inner: number, out?: GpuTensor): GpuTensor {
    for (const [name, v] of [
      ['outer', outer],
      ['size', size],
      ['inner', inner],
    ] as const) {
      checkLength(`reduce: ${name}`, v);
    }
    this.expect(`reduce.${op}`, 'x', x, outer * size * inner);
    const count = outer * inner;
    const result = this.output(`reduce.${op}`, out, count);
    if (count === 0) return result;
    // An empty axis: 0 for sum, NaN for max/min (as the reference; rejected above this layer).
    if (size === 0) return this.fill(result, op === 'sum' ? 0 : Number.NaN);
    const params = words(outer, size, inner, count);
    if (size >= REDUCE_TREE_MIN_SIZE) {
      // One workgroup per output, laid out 2-D past the per-dimension limit.
      const max = this.ctx.maxWorkgroupsPerDimension;
      const groups: [number, number] = [Math.min(count, max), Math.ceil(count / max)];
      this.ctx.dispatch(`reduce.tree.${op}`, reduceTreeShader(op), params, [x], result, groups);
    } else {
      const grid = this.ctx.gridFor(count, REDUCE_WORKGROUP);
      this.ctx.dispatch(`reduce.serial.${op}`, reduceSerialShader(op), params, [x], result, grid);
    }
    return result;
  }

  private expect(kernel: string, name: string, t: GpuTensor, length: number): void {
    this.ctx.assertLive(`${kernel}: ${name}`, t);
    if (t.length !== length) {
      throw new RangeError(
        `${kernel}: ${name} must have ${length} elements for these sizes, got ${t.length}`,
      );
    }
  }

  private output(kernel: string, out: GpuTensor | undefined, length: number): GpuTensor {
    if (!out) return this.ctx.alloc(length);
    this.expect(kernel, 'out', out, length);
    return out;
  }

  private fill(t: GpuTensor, value: number): GpuTensor {
    this.ctx.write(t, new Float32Array(t.length).fill(value));
    return t;
  }
}

function words(...values: number[]): Uint32Array {
  const padded = new Uint32Array(Math.ceil(values.length / 4) * 4);
  padded.set(values);
  return padded;
}
