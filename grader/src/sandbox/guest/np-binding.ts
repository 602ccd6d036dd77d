/**
 * THE place where the engine meets the learner: which object becomes the global `np`, how host
 * data becomes an engine array, and how an engine array becomes plain data again. Everything
 * else in the sandbox is engine-agnostic.
 */
import { np as engineNp, NDArray } from '@gradlab/kernels';
import type { ArrayDType } from '../wire.ts';

/** The object learners see as the global `np`. */
export const np: object = engineNp;
/** The array class; it is frozen together with `np` (see lockdown.ts). */
export const NDArrayClass: object = NDArray;

/**
 * Host data to an engine array of the same dtype. The harness owns `data` (a fresh copy): a
 * float64 array is built on it directly, other dtypes on a converted copy.
 */
export function fromHost(shape: number[], dtype: ArrayDType, data: Float64Array): NDArray {
  switch (dtype) {
    case 'float64':
      return new NDArray(data, shape);
    case 'float32':
      return new NDArray(Float32Array.from(data), shape);
    case 'int32':
      return new NDArray(Int32Array.from(data), shape);
    case 'bool':
      return new NDArray(
        Uint8Array.from(data, (v) => (v ? 1 : 0)),
        shape,
      );
    default:
      throw new TypeError(`inputs of dtype ${String(dtype)} are not supported`);
  }
}

export function isEngineArray(value: unknown): value is NDArray {
  return value instanceof NDArray;
}

// Captured before learner code runs: an own `toTypedArray` property on an array cannot stand in.
const readValues = Function.prototype.call.bind(NDArray.prototype.toTypedArray) as (
  self: NDArray,
) => ReturnType<NDArray['toTypedArray']>;

/** The row-major values, shape and dtype of an engine array, read through the engine's own API. */
export function toHost(value: NDArray): {
  shape: readonly number[];
  dtype: unknown;
  data: ArrayLike<number>;
} {
  return { shape: value.shape, dtype: value.dtype, data: readValues(value) };
}
