import { NDArray, np } from '@gradlab/kernels';
import { ArrayValue, type GuestValue, type PlainArray } from './sandbox/types.ts';

/** A host array as the plain data the sandbox takes in (always a float64 copy). */
export function toPlain(x: NDArray): PlainArray {
  const data =
    x.dtype === 'float64' ? (x.toTypedArray() as Float64Array) : Float64Array.from(x.toTypedArray());
  return { shape: [...x.shape], dtype: x.dtype, data };
}

/** A value copied out of the sandbox, with its arrays as host NDArrays (everything else as is). */
export function fromGuest(value: GuestValue): unknown {
  if (value instanceof ArrayValue) {
    const array = np.array(value.data).reshape([...value.shape]);
    return value.dtype === 'float64' ? array : array.astype(value.dtype);
  }
  if (Array.isArray(value)) return value.map((v: GuestValue) => fromGuest(v));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, GuestValue>)) out[k] = fromGuest(v);
    return out;
  }
  return value;
}

export function isArray(value: unknown): value is NDArray {
  return value instanceof NDArray;
}
