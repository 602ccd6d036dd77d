import { describe, expect, it } from 'vitest';
import { np } from '../../src/index.ts';

describe('toString (NumPy repr)', () => {
  it('floats, ints, bools, 0-d and empty arrays', () => {
    expect(String(np.array([1, 2, 3]))).toBe('array([1., 2., 3.])');
    expect(String(np.array([0.5, 0.25, -1]))).toBe('array([ 0.5 ,  0.25, -1.  ])');
    expect(
      String(
        np.array([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe('array([[1., 2.],\n       [3., 4.]])');
    expect(String(np.arange(3))).toBe('array([0, 1, 2], dtype=int32)');
    expect(String(np.array([true, false]))).toBe('array([ True, False])');
    expect(String(np.array(2.5))).toBe('array(2.5)');
    expect(String(np.zeros([0]))).toBe('array([], dtype=float64)');
    expect(String(np.ones(2, { dtype: 'float32' }))).toBe('array([1., 1.], dtype=float32)');
    expect(String(np.array([1e-5, 1, 1000]))).toBe('array([1.e-05, 1.e+00, 1.e+03])');
    expect(String(np.array([Number.NaN, 1, Number.NEGATIVE_INFINITY]))).toBe('array([ nan,   1., -inf])');
    expect(String(np.array([1 / 3]))).toBe('array([0.33333333])');
  });
  it('separates 3-D blocks with a blank line', () => {
    expect(String(np.zeros([2, 1, 1]))).toBe('array([[[0.]],\n\n       [[0.]]])');
  });
  it('summarises arrays of more than 1000 elements', () => {
    const text = String(np.arange(2000).reshape(40, 50));
    expect(text.split('\n')).toHaveLength(7);
    expect(text).toContain('[   0,    1,    2, ...,   47,   48,   49]');
    expect(text).toContain('       ...,\n');
  });
  it('wraps long rows at 75 characters', () => {
    const lines = String(np.arange(30).astype('float64')).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(75);
  });
});
