/**
 * 2-D convolution (cross-correlation), NCHW, weights (F, C, kH, kW). The forward pass runs the
 * fastest registered float64 `conv2d` kernel; the backward pass is written out below.
 */
import { asTensor, record, type Tensor, type TensorLike } from '../autodiff/tensor.ts';
import { resolveKernel } from '../backend/registry.ts';
import { getBackend } from '../ndarray/dispatch.ts';
import { ShapeError } from '../ndarray/errors.ts';
import { NDArray } from '../ndarray/ndarray.ts';
import { formatShape } from '../ndarray/shape.ts';

export interface Conv2dOptions {
  /** Step between neighbouring windows (default 1). */
  stride?: number;
  /** Zeros added on every side of each plane (default 0). */
  pad?: number;
}

/** The output size of a convolution or pooling window along one axis: floor((n + 2 pad - k) / stride) + 1. */
export function outputSize(n: number, k: number, stride: number, pad: number): number {
  return Math.floor((n + 2 * pad - k) / stride) + 1;
}

/**
 * out[n, f, oy, ox] = b[f] + sum_{c, i, j} x[n, c, oy*stride + i - pad, ox*stride + j - pad] * w[f, c, i, j]
 * for x (N, C, H, W), w (F, C, kH, kW), optional b (F,); out is (N, F, outH, outW).
 */
export function conv2d(x: TensorLike, w: TensorLike, b?: TensorLike, options: Conv2dOptions = {}): Tensor {
  const [xt, wt] = [asTensor(x), asTensor(w)];
  const bt = b === undefined ? undefined : asTensor(b);
  const { stride = 1, pad = 0 } = options;
  const [n, c, h, wIn] = xt.shape as [number, number, number, number];
  const [f, c2, kh, kw] = wt.shape as [number, number, number, number];
  if (xt.ndim !== 4 || wt.ndim !== 4 || c !== c2 || (bt !== undefined && bt.size !== f))
    throw new ShapeError(
      `conv2d: expected x (N, C, H, W), w (F, C, kH, kW), b (F,); got x ${formatShape(xt.shape)}, w ${formatShape(wt.shape)}${bt ? `, b ${formatShape(bt.shape)}` : ''}`,
    );
  const outH = outputSize(h, kh, stride, pad);
  const outW = outputSize(wIn, kw, stride, pad);
  if (outH < 1 || outW < 1)
    throw new ShapeError(`conv2d: a ${kh}x${kw} kernel does not fit a ${h}x${wIn} input with pad ${pad}`);
  const xs = float64(xt.value);
  const ws = float64(wt.value);
  const out = new Float64Array(n * f * outH * outW);
  resolveKernel(
    'conv2d',
    'float64',
    getBackend(),
  )({
    x: xs,
    w: ws,
    bias: bt ? float64(bt.value) : undefined,
    out,
    n,
    c,
    h,
    wIn,
    f,
    kh,
    kw,
    stride,
    pad,
    outH,
    outW,
  });

  const parents = bt ? [xt, wt, bt] : [xt, wt];
  return record('conv2d', new NDArray(out, [n, f, outH, outW]), parents, (grad) => {
    const g = float64(grad);
    const dx = new Float64Array(xs.length);
    const dw = new Float64Array(ws.length);
    const db = new Float64Array(f);
    // Every output element used the window x[., c, oy*stride + i - pad, ox*stride + j - pad] and w[f, c, i, j]:
    // send its gradient back to both (dx is a scatter-add, the "transposed convolution" / col2im).
    for (let s = 0; s < n; s++)
      for (let fo = 0; fo < f; fo++)
        for (let oy = 0; oy < outH; oy++)
          for (let ox = 0; ox < outW; ox++) {
            const go = g[((s * f + fo) * outH + oy) * outW + ox] as number;
            db[fo] = (db[fo] as number) + go; // db[f] = sum of dout over n, oy, ox
            for (let ci = 0; ci < c; ci++)
              for (let i = 0; i < kh; i++) {
                const iy = oy * stride + i - pad;
                if (iy < 0 || iy >= h) continue; // a padding zero: no input there
                for (let j = 0; j < kw; j++) {
                  const ix = ox * stride + j - pad;
                  if (ix < 0 || ix >= wIn) continue;
                  const xi = ((s * c + ci) * h + iy) * wIn + ix;
                  const wi = ((fo * c + ci) * kh + i) * kw + j;
                  dx[xi] = (dx[xi] as number) + (ws[wi] as number) * go; // dx += w * dout
                  dw[wi] = (dw[wi] as number) + (xs[xi] as number) * go; // dw += x * dout
                }
              }
          }
    const grads = [new NDArray(dx, xt.shape), new NDArray(dw, wt.shape)];
    return bt ? [...grads, new NDArray(db, bt.shape)] : grads;
  });
}

/** The elements of a float64 array, row-major (a copy when it is a strided view). */
export function float64(a: NDArray): Float64Array {
  return a.isContiguous() && a.offset === 0 && a.data.length === a.size && a.data instanceof Float64Array
    ? a.data
    : (a.astype('float64').data as Float64Array);
}
