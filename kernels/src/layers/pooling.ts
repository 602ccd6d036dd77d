/**
 * Max and average pooling over windows of each plane, NCHW, no padding. The forward pass runs the
 * registered `pool2d` kernel; the backward pass is written out below.
 */
import { asTensor, record, type Tensor, type TensorLike } from '../autodiff/tensor.ts';
import { resolveKernel } from '../backend/registry.ts';
import { getBackend } from '../ndarray/dispatch.ts';
import { ShapeError } from '../ndarray/errors.ts';
import { NDArray } from '../ndarray/ndarray.ts';
import { formatShape } from '../ndarray/shape.ts';
import { float64, outputSize } from './conv.ts';

export interface Pool2dOptions {
  /** Window size: one number (square) or [kH, kW]. */
  kernel: number | readonly [number, number];
  /** Step between windows (default: the window size, non-overlapping). */
  stride?: number;
}

interface Geometry {
  n: number;
  c: number;
  h: number;
  w: number;
  kh: number;
  kw: number;
  stride: number;
  outH: number;
  outW: number;
}

function geometry(x: Tensor, options: Pool2dOptions, op: string): Geometry {
  const [kh, kw] = typeof options.kernel === 'number' ? [options.kernel, options.kernel] : options.kernel;
  const stride = options.stride ?? kh;
  const [n, c, h, w] = x.shape as [number, number, number, number];
  if (x.ndim !== 4 || kh > h || kw > w)
    throw new ShapeError(`${op}: expected x (N, C, H, W) at least ${kh}x${kw}, got ${formatShape(x.shape)}`);
  return {
    n,
    c,
    h,
    w,
    kh,
    kw,
    stride,
    outH: outputSize(h, kh, stride, 0),
    outW: outputSize(w, kw, stride, 0),
  };
}

function forward(kind: 'max' | 'avg', x: Tensor, geo: Geometry): NDArray {
  const out = new Float64Array(geo.n * geo.c * geo.outH * geo.outW);
  resolveKernel('pool2d', 'float64', getBackend())({ kind, x: float64(x.value), out, ...geo });
  return new NDArray(out, [geo.n, geo.c, geo.outH, geo.outW]);
}

/** Visits every window: plane p, output position (oy, ox), and the flat input offsets of its elements. */
function eachWindow(geo: Geometry, visit: (outIndex: number, inputs: number[]) => void): void {
  const { n, c, h, w, kh, kw, stride, outH, outW } = geo;
  for (let p = 0; p < n * c; p++)
    for (let oy = 0; oy < outH; oy++)
      for (let ox = 0; ox < outW; ox++) {
        const inputs: number[] = [];
        for (let i = 0; i < kh; i++)
          for (let j = 0; j < kw; j++) inputs.push((p * h + oy * stride + i) * w + ox * stride + j);
        visit((p * outH + oy) * outW + ox, inputs);
      }
}

/**
 * out = max of each window. Backward: each window's gradient goes to the element that was the
 * maximum (the first one in row-major order on ties); overlapping windows add up.
 */
export function maxPool2d(x: TensorLike, options: Pool2dOptions): Tensor {
  const xt = asTensor(x);
  const geo = geometry(xt, options, 'maxPool2d');
  const xs = float64(xt.value);
  const argmax = new Int32Array(geo.n * geo.c * geo.outH * geo.outW);
  let gap = Number.POSITIVE_INFINITY; // distance to a tie (the kink of max), for gradcheck
  eachWindow(geo, (o, inputs) => {
    const values = inputs.map((k) => xs[k] as number);
    const best = values.indexOf(Math.max(...values));
    argmax[o] = inputs[best] as number;
    const sorted = [...values].sort((a, b) => b - a);
    if (sorted.length > 1) gap = Math.min(gap, (sorted[0] as number) - (sorted[1] as number));
  });
  return record(
    'maxPool2d',
    forward('max', xt, geo),
    [xt],
    (grad) => {
      const g = float64(grad);
      const dx = new Float64Array(xs.length);
      argmax.forEach((k, o) => {
        dx[k] = (dx[k] as number) + (g[o] as number);
      });
      return [new NDArray(dx, xt.shape)];
    },
    () => gap,
  );
}

/** out = mean of each window. Backward: each window's gradient is shared equally, g / (kH kW), by its elements. */
export function avgPool2d(x: TensorLike, options: Pool2dOptions): Tensor {
  const xt = asTensor(x);
  const geo = geometry(xt, options, 'avgPool2d');
  return record('avgPool2d', forward('avg', xt, geo), [xt], (grad) => {
    const g = float64(grad);
    const dx = new Float64Array(xt.size);
    const area = geo.kh * geo.kw;
    eachWindow(geo, (o, inputs) => {
      for (const k of inputs) dx[k] = (dx[k] as number) + (g[o] as number) / area;
    });
    return [new NDArray(dx, xt.shape)];
  });
}
