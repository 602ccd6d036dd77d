import { np } from '@gradlab/kernels';
import { describe, expect, it } from 'vitest';
import { compareOutput, relativeError } from '../../src/checks/compare.ts';

describe('relativeError', () => {
  it('is |a-b| / max(1e-8, |a|+|b|)', () => {
    expect(relativeError(1, 1)).toBe(0);
    expect(relativeError(1, 3)).toBeCloseTo(0.5, 15);
    expect(relativeError(0, 1e-9)).toBeCloseTo(0.1, 12);
    expect(relativeError(-2, 2)).toBe(1);
  });
});

describe('compareOutput', () => {
  const expected = np.array([
    [0.731, 1.5],
    [2, -3],
  ]);

  it('accepts equal arrays and reports the error', () => {
    const result = compareOutput(expected, expected.copy(), 1e-7);
    expect(result).toEqual({ ok: true, maxRelativeError: 0 });
  });

  it('names the worst index, the expected and the actual value', () => {
    const actual = np.array([
      [0.412, 1.5],
      [2, -3.0000001],
    ]);
    const result = compareOutput(expected, actual, 1e-7);
    expect(result.ok).toBe(false);
    expect(result.mismatch?.message).toBe(
      'max relative error 2.8e-1 > 1.0e-7 at index [0, 0]: expected 0.731, got 0.412',
    );
    expect(result.mismatch?.hiddenMessage).toBe('max relative error 2.8e-1 > 1.0e-7');
  });

  it('reports shape and type problems before values', () => {
    expect(compareOutput(expected, np.zeros([4]), 1e-7).mismatch?.message).toBe(
      'wrong shape: expected (2, 2), got (4,)',
    );
    expect(compareOutput(expected, undefined, 1e-7).mismatch?.message).toBe(
      'expected an array of shape (2, 2), got undefined',
    );
    expect(compareOutput(expected, [[1, 2]], 1e-7).mismatch?.message).toMatch(/plain JS array/);
  });

  it('reports non-finite values with their index, without values when hidden', () => {
    const actual = np.array([
      [0.731, Number.NaN],
      [2, -3],
    ]);
    const { mismatch } = compareOutput(expected, actual, 1e-7);
    expect(mismatch?.message).toBe('non-finite value NaN at index [0, 1] (expected 1.50)');
    expect(mismatch?.hiddenMessage).toBe('contains a non-finite value (NaN)');
  });
});
