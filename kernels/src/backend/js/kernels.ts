import type {
  BinaryArgs,
  BinaryOp,
  Conv2dArgs,
  KernelConfig,
  MatmulArgs,
  Pool2dArgs,
  ReduceArgs,
  UnaryArgs,
  UnaryOp,
} from '../kernel-types.ts';

/**
 * The reference backend: plain loops in float64 arithmetic (JS numbers), one fixed summation
 * order (ascending index), no blocking and no reassociation. Every fast kernel is checked
 * against these. They also run on float32 arrays (the store rounds to float32).
 */

/** out = a @ b, each out[i, j] summed over p = 0, 1, ..., k-1 in that order. */
export function matmulJs({ a, b, out, m, k, n }: MatmulArgs): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let p = 0; p < k; p++) acc += (a[i * k + p] as number) * (b[p * n + j] as number);
      out[i * n + j] = acc;
    }
  }
}

/** Direct convolution; each output sums over (c, ki, kj) in that order, then adds the bias. */
export function conv2dJs(args: Conv2dArgs): void {
  const { x, w, bias, out, n, c, h, wIn, f, kh, kw, stride, pad, outH, outW } = args;
  for (let b = 0; b < n; b++) {
    for (let fo = 0; fo < f; fo++) {
      for (let oy = 0; oy < outH; oy++) {
        for (let ox = 0; ox < outW; ox++) {
          let acc = 0;
          for (let ci = 0; ci < c; ci++) {
            for (let ki = 0; ki < kh; ki++) {
              const iy = oy * stride + ki - pad;
              if (iy < 0 || iy >= h) continue;
              for (let kj = 0; kj < kw; kj++) {
                const ix = ox * stride + kj - pad;
                if (ix < 0 || ix >= wIn) continue;
                acc +=
                  (x[((b * c + ci) * h + iy) * wIn + ix] as number) *
                  (w[((fo * c + ci) * kh + ki) * kw + kj] as number);
              }
            }
          }
          out[((b * f + fo) * outH + oy) * outW + ox] = acc + (bias ? (bias[fo] as number) : 0);
        }
      }
    }
  }
}

export function pool2dJs({ kind, x, out, n, c, h, w, kh, kw, stride, outH, outW }: Pool2dArgs): void {
  const area = kh * kw;
  for (let plane = 0; plane < n * c; plane++) {
    const base = plane * h * w;
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++) {
        let acc = kind === 'max' ? Number.NEGATIVE_INFINITY : 0;
        for (let ki = 0; ki < kh; ki++) {
          for (let kj = 0; kj < kw; kj++) {
            const v = x[base + (oy * stride + ki) * w + ox * stride + kj] as number;
            if (kind === 'max') {
              if (v > acc || Number.isNaN(v)) acc = v;
            } else acc += v;
          }
        }
        out[(plane * outH + oy) * outW + ox] = kind === 'max' ? acc : acc / area;
      }
    }
  }
}

export const unaryFunctions: Record<UnaryOp, (v: number) => number> = {
  neg: (v) => -v,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  tanh: Math.tanh,
  abs: Math.abs,
  relu: (v) => Math.max(v, 0),
  sigmoid: (v) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v))),
  square: (v) => v * v,
};

/** NaN-propagating max/min, as NumPy's `maximum`/`minimum`. */
export const binaryFunctions: Record<BinaryOp, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  max: Math.max,
  min: Math.min,
};

export function unaryJs({ op, x, out }: UnaryArgs): void {
  const fn = unaryFunctions[op];
  for (let i = 0; i < x.length; i++) out[i] = fn(x[i] as number);
}

export function binaryJs({ op, a, b, out }: BinaryArgs): void {
  const fn = binaryFunctions[op];
  for (let i = 0; i < out.length; i++) out[i] = fn(a[i] as number, b[i] as number);
}

/** Reduces the middle axis of (outer, size, inner), ascending s. */
export function reduceJs({ op, x, out, outer, size, inner }: ReduceArgs): void {
  const combine =
    op === 'sum' ? binaryFunctions.add : op === 'max' ? binaryFunctions.max : binaryFunctions.min;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let acc = op === 'sum' ? 0 : (x[o * size * inner + i] as number);
      for (let s = op === 'sum' ? 0 : 1; s < size; s++)
        acc = combine(acc, x[(o * size + s) * inner + i] as number);
      out[o * inner + i] = size === 0 && op !== 'sum' ? Number.NaN : acc;
    }
  }
}

const both = ['float32', 'float64'] as const;
export const jsKernels: KernelConfig[] = [
  { kernelName: 'matmul', backendName: 'js', dtypes: both, kernelFunc: matmulJs },
  { kernelName: 'conv2d', backendName: 'js', dtypes: both, kernelFunc: conv2dJs },
  { kernelName: 'pool2d', backendName: 'js', dtypes: both, kernelFunc: pool2dJs },
  { kernelName: 'unary', backendName: 'js', dtypes: both, kernelFunc: unaryJs },
  { kernelName: 'binary', backendName: 'js', dtypes: both, kernelFunc: binaryJs },
  { kernelName: 'reduce', backendName: 'js', dtypes: both, kernelFunc: reduceJs },
] as KernelConfig[];
