import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError, AxisError, np } from '../../src/index.ts';
import { dense, flat, naiveReduce } from './reference.ts';

/** A random array with a random subset of its axes (as positive or negative numbers) and keepdims. */
const withAxes = dense(4, 4).chain((x) =>
  fc
    .tuple(
      fc.subarray(
        x.shape.map((_, d) => d),
        { minLength: 0 },
      ),
      fc.array(fc.boolean(), { minLength: x.shape.length, maxLength: x.shape.length }),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([axes, negative, keepdims, omit]) => ({
      x,
      axes,
      given: axes.map((a) => (negative[a] ? a - x.shape.length : a)),
      keepdims,
      omit,
    })),
);

describe('reductions over random axes (property)', () => {
  const cases = [
    ['sum', 0, (a: number, v: number) => a + v],
    ['max', Number.NEGATIVE_INFINITY, Math.max],
    ['min', Number.POSITIVE_INFINITY, Math.min],
  ] as const;
  for (const [name, init, fn] of cases) {
    it(`${name} matches a naive loop`, () => {
      fc.assert(
        fc.property(withAxes, ({ x, axes, given, keepdims, omit }) => {
          const all = x.shape.map((_, d) => d);
          const expected = naiveReduce(x, omit ? all : axes, keepdims, init, fn);
          const arr = np.array(x.values).reshape(x.shape);
          const got = np[name](arr, omit ? { keepdims } : { axis: given, keepdims });
          expect(got.shape).toEqual(expected.shape);
          expect(flat(got.toArray())).toEqual(expected.values);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('mean is sum / count and keepdims results broadcast back against the input', () => {
    fc.assert(
      fc.property(withAxes, ({ x, axes, given }) => {
        const arr = np.array(x.values).reshape(x.shape);
        const count = axes.reduce((n, a) => n * (x.shape[a] as number), 1);
        const m = np.mean(arr, { axis: given, keepdims: true });
        expect(np.allclose(m, np.sum(arr, { axis: given, keepdims: true }).divide(count))).toBe(true);
        expect(arr.subtract(m).shape).toEqual(x.shape);
      }),
      { numRuns: 100 },
    );
  });
});

describe('reductions (examples, checked by hand)', () => {
  const x = np.array([
    [1, 5, 3],
    [4, 2, 6],
  ]);
  it('sum, mean, max, min', () => {
    expect(x.sum().item()).toBe(21);
    expect(x.sum({ axis: 0 }).toArray()).toEqual([5, 7, 9]);
    expect(x.sum({ axis: -1, keepdims: true }).toArray()).toEqual([[9], [12]]);
    expect(x.sum({ axis: [0, 1] }).toArray()).toBe(21);
    expect(x.mean({ axis: 1 }).toArray()).toEqual([3, 4]);
    expect(x.max({ axis: 0 }).toArray()).toEqual([4, 5, 6]);
    expect(x.min().item()).toBe(1);
    expect(np.max(np.array([1, Number.NaN, 3])).item()).toBeNaN();
  });
  it('argmax / argmin', () => {
    expect(x.argmax().item()).toBe(5);
    expect(x.argmax({ axis: 1 }).toArray()).toEqual([1, 2]);
    expect(x.argmin({ axis: 0 }).toArray()).toEqual([0, 1, 0]);
    expect(x.argmax({ axis: 1 }).dtype).toBe('int32');
    expect(np.argmax(np.array([1, 3, 3])).item()).toBe(1);
    expect(np.argmax(np.array([1, Number.NaN, 3])).item()).toBe(1);
    expect(np.argmin(np.array([4, 2, Number.NaN, 1])).item()).toBe(2);
    expect(np.argmin(np.array([4, 2, 2, 5])).item()).toBe(1);
    expect(
      np
        .argmax(
          np.array([
            [1, 9],
            [7, 7],
            [Number.NaN, 8],
          ]),
          { axis: 1 },
        )
        .toArray(),
    ).toEqual([1, 0, 0]);
    expect(x.argmax({ axis: 0, keepdims: true }).shape).toEqual([1, 3]);
  });
  it('var and std with ddof', () => {
    const v = np.array([1, 2, 3, 4]);
    expect(v.var().item()).toBe(1.25);
    expect(v.var({ ddof: 1 }).item()).toBeCloseTo(5 / 3, 15);
    expect(v.std().item()).toBeCloseTo(Math.sqrt(1.25), 15);
    expect(x.var({ axis: 1 }).toArray()).toEqual([8 / 3, 8 / 3]);
  });
  it('cumsum', () => {
    expect(np.cumsum(x).toArray()).toEqual([1, 6, 9, 13, 15, 21]);
    expect(x.cumsum({ axis: 0 }).toArray()).toEqual([
      [1, 5, 3],
      [5, 7, 9],
    ]);
    expect(x.cumsum({ axis: -1 }).toArray()).toEqual([
      [1, 6, 9],
      [4, 6, 12],
    ]);
    expect(np.cumsum(np.array([true, true, false])).toArray()).toEqual([1, 2, 2]);
  });
  it('dtypes: bool and int sums are int32, int means float64, float32 stays float32', () => {
    expect(np.sum(np.array([true, true, false])).toArray()).toBe(2);
    expect(np.sum(np.array([true, false])).dtype).toBe('int32');
    expect(np.mean(np.arange(4)).dtype).toBe('float64');
    expect(np.mean(np.arange(4)).item()).toBe(1.5);
    expect(np.sum(np.ones(3, { dtype: 'float32' })).dtype).toBe('float32');
    expect(np.max(np.arange(4)).dtype).toBe('int32');
  });
  it('sums in a fixed order: the same result every time, in ascending index order', () => {
    const v = np.array([1e16, 1, -1e16, 1]);
    expect(v.sum().item()).toBe(1e16 + 1 - 1e16 + 1);
  });
  it('works on views', () => {
    expect(x.T.sum({ axis: 1 }).toArray()).toEqual([5, 7, 9]);
    expect(x.slice(':', '::-1').cumsum({ axis: 1 }).toArray()).toEqual([
      [3, 8, 9],
      [6, 8, 12],
    ]);
  });
  it('empty reductions: sum is 0, max is an error', () => {
    expect(np.sum(np.zeros([0])).item()).toBe(0);
    expect(() => np.max(np.zeros([0]))).toThrow(ArgumentError);
    expect(() => np.max(np.zeros([0, 3]), { axis: 0 })).toThrow(/zero-size array to reduction operation max/);
    expect(() => np.argmax(np.zeros([0]))).toThrow(/empty sequence/);
  });
  it('bad axes name the axis and the ndim', () => {
    expect(() => x.sum({ axis: 2 })).toThrow(AxisError);
    expect(() => x.sum({ axis: 2 })).toThrow('sum: axis 2 is out of bounds for array of dimension 2');
    expect(() => x.sum({ axis: [0, -2] })).toThrow(/repeated axis/);
  });
});
