/**
 * The contract between the engine's ops and its compute backends (after TensorFlow.js):
 * a kernel is registered per (kernelName, backendName); gradients are defined once per op,
 * above this layer, and never per backend.
 *
 * Kernels work on contiguous, row-major typed arrays and write into a caller-provided `out`
 * of the right length. They never allocate the result and never keep references to their
 * arguments after they return. `js` is the float64 reference with a fixed summation order;
 * every other backend is verified against it by the conformance suite.
 */

export type FloatArray = Float32Array | Float64Array;
export type FloatDType = 'float32' | 'float64';
/**
 * `webgpu` is never chosen with setBackend: it is stacked in front of `wasm` (registry
 * `stackBackend`) by a worker that holds a synchronous bridge to a GPU worker.
 */
export type BackendName = 'js' | 'wasm' | 'webgpu';

/** out(m, n) = a(m, k) @ b(k, n) */
export interface MatmulArgs {
  a: FloatArray;
  b: FloatArray;
  out: FloatArray;
  m: number;
  k: number;
  n: number;
}

/**
 * 2-D cross-correlation, NCHW layout, weights (F, C, kH, kW), optional bias (F,).
 * out has shape (N, F, outH, outW) with outH = floor((H + 2 pad - kH) / stride) + 1.
 * Zero padding.
 */
export interface Conv2dArgs {
  x: FloatArray;
  w: FloatArray;
  bias?: FloatArray | undefined;
  out: FloatArray;
  n: number;
  c: number;
  h: number;
  wIn: number;
  f: number;
  kh: number;
  kw: number;
  stride: number;
  pad: number;
  outH: number;
  outW: number;
}

/** Max or average pooling, NCHW, no padding; out (N, C, outH, outW), outH = floor((H - kH) / stride) + 1. */
export interface Pool2dArgs {
  kind: 'max' | 'avg';
  x: FloatArray;
  out: FloatArray;
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

export type UnaryOp = 'neg' | 'exp' | 'log' | 'sqrt' | 'tanh' | 'abs' | 'relu' | 'sigmoid' | 'square';
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'max' | 'min';

/** out[i] = op(x[i]); out.length === x.length */
export interface UnaryArgs {
  op: UnaryOp;
  x: FloatArray;
  out: FloatArray;
}

/** out[i] = op(a[i], b[i]); all three have the same length (broadcasting happens above). */
export interface BinaryArgs {
  op: BinaryOp;
  a: FloatArray;
  b: FloatArray;
  out: FloatArray;
}

/**
 * Reduces the middle axis of x viewed as (outer, size, inner): out has outer * inner
 * elements, out[o * inner + i] = op over s of x[(o * size + s) * inner + i].
 * An empty reduced axis (size 0) gives 0 for sum; max/min of an empty axis is rejected above.
 */
export interface ReduceArgs {
  op: 'sum' | 'max' | 'min';
  x: FloatArray;
  out: FloatArray;
  outer: number;
  size: number;
  inner: number;
}

export interface KernelSignatures {
  matmul(args: MatmulArgs): void;
  conv2d(args: Conv2dArgs): void;
  pool2d(args: Pool2dArgs): void;
  unary(args: UnaryArgs): void;
  binary(args: BinaryArgs): void;
  reduce(args: ReduceArgs): void;
}

export type KernelName = keyof KernelSignatures;

export interface KernelConfig<K extends KernelName = KernelName> {
  kernelName: K;
  backendName: BackendName;
  /** The dtypes this kernel accepts; the registry falls back (to `wasm` from `webgpu`, else `js`) for the others. */
  dtypes: readonly FloatDType[];
  kernelFunc: KernelSignatures[K];
}
