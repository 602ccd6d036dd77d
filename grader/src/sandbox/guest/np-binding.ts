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

/** Host data to an engine array. The harness owns `data` (a fresh copy), so it is not copied again. */
export function fromHost(shape: number[], dtype: ArrayDType, data: Float64Array): unknown {
  if (dtype !== 'float64') throw new TypeError(`inputs of dtype ${dtype} are not supported (float64 only)`);
  return new NDArray(data, shape);
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
