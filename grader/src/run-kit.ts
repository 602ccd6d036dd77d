import type { OutputCheck } from '@gradlab/content';
import type { NDArray } from '@gradlab/kernels';
import type { ArrayDType } from './sandbox/wire.ts';

/** An array as JSON: row-major values. */
export interface WireArray {
  shape: number[];
  dtype: ArrayDType;
  data: number[];
}

/**
 * What the browser needs to run an exercise's public tests without the server: the public
 * cases' inputs and reference outputs (computed on the server), and `specCode`, the bundled
 * scenario functions. No reference solution, no hidden case, no known-mistake code.
 */
export interface RunKit {
  exercise: string;
  functions: string[];
  forbidden: string[];
  outputs: Record<string, OutputCheck>;
  cases: {
    name: string;
    points: number;
    inputs: Record<string, WireArray>;
    expected: Record<string, WireArray>;
  }[];
  gradcheckInputs?: Record<string, WireArray>;
  /** a CommonJS module defining `exports.run` and `exports.gradcheck` */
  specCode: string;
}

export function toWire(x: NDArray): WireArray {
  return { shape: [...x.shape], dtype: x.dtype, data: Array.from(x.toTypedArray()) };
}
