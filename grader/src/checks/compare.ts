import { NDArray } from '@gradlab/kernels';

/** The relative error the course uses everywhere: |a - b| / max(1e-8, |a| + |b|). */
export function relativeError(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(1e-8, Math.abs(a) + Math.abs(b));
}

export interface Mismatch {
  /** a sentence for the learner, e.g. "max relative error 3.2e-2 > 1e-7 at index [1, 4]: expected 0.731, got 0.412" */
  message: string;
  /** the same without values, safe for hidden cases */
  hiddenMessage: string;
  maxRelativeError?: number;
}

export interface CompareResult {
  ok: boolean;
  maxRelativeError: number;
  mismatch?: Mismatch;
}

const fmtShape = (shape: readonly number[]) => `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
const fmtNum = (v: number) => (Number.isInteger(v) && Math.abs(v) < 1e6 ? String(v) : v.toPrecision(3));
const fmtErr = (v: number) => v.toExponential(1);

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (value instanceof NDArray) return `an array of shape ${fmtShape(value.shape)}`;
  if (Array.isArray(value)) return 'a plain JS array (return an np array)';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function unravel(index: number, shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length).fill(0);
  for (let d = shape.length - 1; d >= 0; d--) {
    const extent = shape[d] as number;
    out[d] = index % extent;
    index = Math.floor(index / extent);
  }
  return out;
}

/**
 * Compares a learner's output with the reference: type, shape, finiteness, then the largest
 * relative error over all elements against `rtol`. Dtypes may differ (float32 vs float64)
 * only in value, as the tolerance then shows.
 */
export function compareOutput(expected: NDArray, actual: unknown, rtol: number): CompareResult {
  const fail = (message: string, hiddenMessage = message, maxRelativeError = Number.POSITIVE_INFINITY) => ({
    ok: false,
    maxRelativeError,
    mismatch: { message, hiddenMessage, maxRelativeError },
  });
  if (!(actual instanceof NDArray)) {
    return fail(`expected an array of shape ${fmtShape(expected.shape)}, got ${describe(actual)}`);
  }
  if (actual.shape.length !== expected.shape.length || actual.shape.some((d, i) => d !== expected.shape[i])) {
    return fail(`wrong shape: expected ${fmtShape(expected.shape)}, got ${fmtShape(actual.shape)}`);
  }
  if (actual.dtype === 'bool' && expected.dtype !== 'bool') {
    return fail(`wrong dtype: expected ${expected.dtype}, got bool`);
  }
  const e = expected.toTypedArray();
  const a = actual.toTypedArray();
  let worst = 0;
  let worstAt = -1;
  for (let i = 0; i < e.length; i++) {
    const got = a[i] as number;
    if (!Number.isFinite(got) && Number.isFinite(e[i] as number)) {
      const at = unravel(i, expected.shape);
      return fail(
        `non-finite value ${got} at index [${at.join(', ')}] (expected ${fmtNum(e[i] as number)})`,
        `contains a non-finite value (${got})`,
      );
    }
    const err = relativeError(e[i] as number, got);
    if (err > worst || Number.isNaN(err)) {
      worst = Number.isNaN(err) ? Number.POSITIVE_INFINITY : err;
      worstAt = i;
    }
  }
  if (worst <= rtol) return { ok: true, maxRelativeError: worst };
  const at = unravel(worstAt, expected.shape);
  return fail(
    `max relative error ${fmtErr(worst)} > ${fmtErr(rtol)} at index [${at.join(', ')}]: expected ${fmtNum(
      e[worstAt] as number,
    )}, got ${fmtNum(a[worstAt] as number)}`,
    `max relative error ${fmtErr(worst)} > ${fmtErr(rtol)}`,
    worst,
  );
}
