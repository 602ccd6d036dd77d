import { NDArray, relativeError } from '@gradlab/kernels';

export { relativeError };

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
  if (typeof value === 'number') return `the number ${fmtNum(value)}`;
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
/** Relative margin under which two errors count as a tie. */
const TIE = 1e-6;

export function compareOutput(expected: unknown, actual: unknown, rtol: number): CompareResult {
  const fail = (message: string, hiddenMessage = message, maxRelativeError = Number.POSITIVE_INFINITY) => ({
    ok: false,
    maxRelativeError,
    mismatch: { message, hiddenMessage, maxRelativeError },
  });
  if (typeof expected === 'number') return compareNumber(expected, actual, rtol, fail);
  if (!(expected instanceof NDArray)) {
    if (Object.is(expected, actual)) return { ok: true, maxRelativeError: 0 };
    return fail(
      `expected ${JSON.stringify(expected)}, got ${describe(actual)}`,
      `wrong value (${describe(actual)})`,
    );
  }
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
    if (Object.is(e[i], got)) continue; // equal, NaN and infinities included
    if (!Number.isFinite(got) && Number.isFinite(e[i] as number)) {
      const at = unravel(i, expected.shape);
      return fail(
        `non-finite value ${got} at index [${at.join(', ')}] (expected ${fmtNum(e[i] as number)})`,
        `contains a non-finite value (${got})`,
      );
    }
    const err = relativeError(e[i] as number, got);
    // the first of equal errors is named: errors that tie up to rounding (a mean for a sum gives
    // the same error everywhere) must name the same element in every JS engine
    if (err > worst * (1 + TIE) || Number.isNaN(err)) {
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

/** A scalar output (a loss): a JavaScript number within `rtol` of the reference. */
function compareNumber(
  expected: number,
  actual: unknown,
  rtol: number,
  fail: (message: string, hiddenMessage?: string, maxRelativeError?: number) => CompareResult,
): CompareResult {
  if (typeof actual !== 'number') {
    const hint = actual instanceof NDArray ? ' (use .item() or compute a number)' : '';
    return fail(`expected a number, got ${describe(actual)}${hint}`);
  }
  if (Object.is(expected, actual)) return { ok: true, maxRelativeError: 0 };
  if (!Number.isFinite(actual) && Number.isFinite(expected))
    return fail(`got ${actual}, expected ${fmtNum(expected)}`, `got a non-finite value (${actual})`);
  const err = relativeError(expected, actual);
  const worst = Number.isNaN(err) ? Number.POSITIVE_INFINITY : err;
  if (worst <= rtol) return { ok: true, maxRelativeError: worst };
  return fail(
    `relative error ${fmtErr(worst)} > ${fmtErr(rtol)}: expected ${fmtNum(expected)}, got ${fmtNum(actual)}`,
    `relative error ${fmtErr(worst)} > ${fmtErr(rtol)}`,
    worst,
  );
}
