/** Matrix products: matmul (batched, broadcast), dot, outer. They run on the backend's matmul kernel. */
import type { FloatArray } from '../backend/kernel-types.ts';
import { asarray } from './creation.ts';
import { kernel } from './dispatch.ts';
import { allocate, castData, floatType, isFloat, promoteTypes } from './dtype.ts';
import { multiply } from './elementwise.ts';
import { ShapeError } from './errors.ts';
import { moveaxis, reshape } from './manipulation.ts';
import { type ArrayInput, NDArray } from './ndarray.ts';
import { broadcastShapes, formatShape, sizeOf } from './shape.ts';
import { broadcastTo, readContiguous } from './strided.ts';

/**
 * Matrix product with NumPy's matmul rules: 2-D @ 2-D is (m,k) @ (k,n) -> (m,n); a 1-D first
 * operand is a row vector and a 1-D second one a column vector (the added dim is removed
 * again); dims before the last two are batch dims and broadcast. Each out element is summed
 * over k in ascending order. Int operands give int32; bool counts as int32.
 */
export function matmul(a: ArrayInput, b: ArrayInput): NDArray {
  const x = asarray(a, {}, 'matmul');
  const y = asarray(b, {}, 'matmul');
  if (x.ndim === 2 && y.ndim === 2) return matmul2d(x, y);
  if (x.ndim === 0 || y.ndim === 0)
    throw new ShapeError(
      `matmul: operands must have at least 1 dimension, got shapes ${formatShape(x.shape)} and ${formatShape(y.shape)}; use multiply for scalars`,
    );
  const xs = x.ndim === 1 ? [1, x.shape[0] as number] : [...x.shape];
  const ys = y.ndim === 1 ? [y.shape[0] as number, 1] : [...y.shape];
  const [m, k] = xs.slice(-2) as [number, number];
  const [k2, n] = ys.slice(-2) as [number, number];
  if (k !== k2)
    throw new ShapeError(
      `matmul: shapes ${formatShape(x.shape)} and ${formatShape(y.shape)} are not aligned: the first has ${k} columns but the second has ${k2} rows`,
    );
  let batch: number[];
  try {
    batch = broadcastShapes('matmul', xs.slice(0, -2), ys.slice(0, -2));
  } catch {
    throw new ShapeError(
      `matmul: the batch dimensions of shapes ${formatShape(x.shape)} and ${formatShape(y.shape)} could not be broadcast together`,
    );
  }
  const promoted = promoteTypes(x.dtype, y.dtype);
  const dtype = floatType(promoted);
  const av = readContiguous(reshape(x, xs), dtype) as FloatArray;
  const bv = readContiguous(reshape(y, ys), dtype) as FloatArray;
  const count = sizeOf(batch);
  const aBatch = batchIndex(xs.slice(0, -2), batch);
  const bBatch = batchIndex(ys.slice(0, -2), batch);
  const out = allocate(dtype, count * m * n) as FloatArray;
  const run = kernel('matmul', dtype);
  for (let t = 0; t < count; t++) {
    const ia = (aBatch[t] as number) * m * k;
    const ib = (bBatch[t] as number) * k * n;
    run({
      a: count === 1 ? av : av.subarray(ia, ia + m * k),
      b: count === 1 ? bv : bv.subarray(ib, ib + k * n),
      out: count === 1 ? out : out.subarray(t * m * n, (t + 1) * m * n),
      m,
      k,
      n,
    });
  }
  const shape = [...batch, ...(x.ndim === 1 ? [] : [m]), ...(y.ndim === 1 ? [] : [n])];
  const result = isFloat(promoted) ? out : castData(out, 'int32');
  return new NDArray(result, shape);
}

/**
 * 2-D @ 2-D, the common case, without the batch machinery: the same kernel call on the same
 * values as the general path (one batch of the whole operands).
 */
function matmul2d(x: NDArray, y: NDArray): NDArray {
  const m = x.shape[0] as number;
  const k = x.shape[1] as number;
  const k2 = y.shape[0] as number;
  const n = y.shape[1] as number;
  if (k !== k2)
    throw new ShapeError(
      `matmul: shapes ${formatShape(x.shape)} and ${formatShape(y.shape)} are not aligned: the first has ${k} columns but the second has ${k2} rows`,
    );
  const promoted = promoteTypes(x.dtype, y.dtype);
  const dtype = floatType(promoted);
  const out = allocate(dtype, m * n) as FloatArray;
  kernel(
    'matmul',
    dtype,
  )({
    a: readContiguous(x, dtype) as FloatArray,
    b: readContiguous(y, dtype) as FloatArray,
    out,
    m,
    k,
    n,
  });
  return new NDArray(isFloat(promoted) ? out : castData(out, 'int32'), [m, n]);
}

/** For each batch of the broadcast batch shape, the index of the operand's own batch it reads. */
function batchIndex(own: number[], batch: number[]): ArrayLike<number> {
  const ids = new Int32Array(sizeOf(own));
  for (let i = 0; i < ids.length; i++) ids[i] = i;
  return readContiguous(broadcastTo(new NDArray(ids, own), batch, 'matmul'));
}

/**
 * NumPy's dot: scalars multiply; 1-D . 1-D is the inner product; 2-D . 2-D is matmul; N-D . 1-D
 * sums over the last axis; N-D . M-D sums over a's last axis and b's second-to-last.
 */
export function dot(a: ArrayInput, b: ArrayInput): NDArray {
  const x = asarray(a, {}, 'dot');
  const y = asarray(b, {}, 'dot');
  if (x.ndim === 0 || y.ndim === 0) return multiply(x, y);
  if (x.ndim <= 2 && y.ndim <= 2) return matmul(x, y);
  if (y.ndim === 1) return matmul(x, y);
  const k = x.shape[x.ndim - 1] as number;
  if (y.shape[y.ndim - 2] !== k)
    throw new ShapeError(
      `dot: shapes ${formatShape(x.shape)} and ${formatShape(y.shape)} are not aligned: ${k} (last dim of the first) != ${y.shape[y.ndim - 2]} (second-to-last dim of the second)`,
    );
  const y2 = reshape(moveaxis(y, -2, 0), [k, -1]);
  const product = matmul(reshape(x, [-1, k]), y2);
  return reshape(product, [...x.shape.slice(0, -1), ...y.shape.slice(0, -2), y.shape[y.ndim - 1] as number]);
}

/** Outer product of the flattened inputs: out[i, j] = a[i] * b[j]. */
export function outer(a: ArrayInput, b: ArrayInput): NDArray {
  const x = asarray(a, {}, 'outer');
  const y = asarray(b, {}, 'outer');
  return multiply(reshape(x, [-1, 1]), reshape(y, [1, -1]));
}
