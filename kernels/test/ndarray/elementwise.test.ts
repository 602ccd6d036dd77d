import { describe, expect, it } from 'vitest';
import { np } from '../../src/index.ts';

describe('unary functions', () => {
  const x = np.array([-1, 0, 4]);
  it('compute the NumPy values', () => {
    expect(np.negative(x).toArray()).toEqual([1, -0, -4]);
    expect(np.abs(x).toArray()).toEqual([1, 0, 4]);
    expect(np.sign(x).toArray()).toEqual([-1, 0, 1]);
    expect(np.sqrt(x).toArray()).toEqual([Number.NaN, 0, 2]);
    expect(np.exp(np.array([0, 1])).toArray()).toEqual([1, Math.E]);
    expect(np.log(np.array([1, 0])).toArray()).toEqual([0, Number.NEGATIVE_INFINITY]);
    expect(np.log1p(1e-20).item()).toBe(1e-20);
    expect(np.tanh(np.array([0])).toArray()).toEqual([0]);
    expect(x.square().toArray()).toEqual([1, 0, 16]);
    expect(x.exp().log().toArray()).toEqual([-1, 0, 4]);
  });
  it('keep or promote dtypes like NumPy', () => {
    const i = np.array([-2, 3], { dtype: 'int32' });
    expect(np.abs(i).dtype).toBe('int32');
    expect(np.negative(i).toArray()).toEqual([2, -3]);
    expect(np.exp(i).dtype).toBe('float64');
    expect(np.sqrt(np.ones(2, { dtype: 'float32' })).dtype).toBe('float32');
  });
  it('work on strided views', () => {
    expect(np.arange(6).reshape(2, 3).T.multiply(1).exp().log().toArray()).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
  });
});

describe('binary functions', () => {
  it('power, maximum, minimum, clip', () => {
    expect(np.power(np.array([2, 3]), 2).toArray()).toEqual([4, 9]);
    expect(np.power(np.array([-8]), 1 / 3).item()).toBeNaN();
    expect(np.power(2, np.array([-1, 0.5])).toArray()).toEqual([0.5, Math.SQRT2]);
    expect(() => np.power(np.arange(3), -1)).toThrow(/negative integer powers/);
    expect(np.maximum(np.array([1, 5]), np.array([3, 2])).toArray()).toEqual([3, 5]);
    expect(np.maximum(np.array([1, Number.NaN]), 0).toArray()).toEqual([1, Number.NaN]);
    expect(np.minimum(np.array([1, 5]), 3).toArray()).toEqual([1, 3]);
    expect(np.clip(np.array([-2, 0.5, 3]), 0, 1).toArray()).toEqual([0, 0.5, 1]);
    expect(np.clip(np.array([-2, 3]), null, 1).toArray()).toEqual([-2, 1]);
  });
  it('comparisons give bool arrays', () => {
    const a = np.array([1, 2, 3]);
    expect(a.equal(2).toArray()).toEqual([false, true, false]);
    expect(a.notEqual(2).toArray()).toEqual([true, false, true]);
    expect(a.less(2).toArray()).toEqual([true, false, false]);
    expect(a.lessEqual(2).toArray()).toEqual([true, true, false]);
    expect(a.greater(np.array([[0], [3]])).toArray()).toEqual([
      [true, true, true],
      [false, false, false],
    ]);
    expect(np.greaterEqual(a, 3).dtype).toBe('bool');
    expect(np.equal(np.nan, np.nan).item()).toBe(0);
  });
  it('where picks from broadcast operands', () => {
    const a = np.array([-1, 2, -3]);
    expect(np.where(a.greater(0), a, 0).toArray()).toEqual([0, 2, 0]);
    expect(np.where(np.array([[true], [false]]), 1, np.array([5, 6])).toArray()).toEqual([
      [1, 1],
      [5, 6],
    ]);
  });
  it('compare a lone element from either side, with NaN and signed zeros, as element by element', () => {
    const values = [-2, -0, 0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 3];
    const a = np.array(values);
    const ops = {
      equal: (p: number, q: number) => p === q,
      notEqual: (p: number, q: number) => p !== q,
      less: (p: number, q: number) => p < q,
      lessEqual: (p: number, q: number) => p <= q,
      greater: (p: number, q: number) => p > q,
      greaterEqual: (p: number, q: number) => p >= q,
    } as const;
    for (const [name, fn] of Object.entries(ops) as [keyof typeof ops, (p: number, q: number) => boolean][])
      for (const s of [0, 1.5, Number.NaN]) {
        expect(np[name](a, s).toArray(), `${name}(a, ${s})`).toEqual(values.map((v) => fn(v, s)));
        expect(np[name](s, a).toArray(), `${name}(${s}, a)`).toEqual(values.map((v) => fn(s, v)));
        expect(np[name](np.array([[s]]), a).shape, `${name} keeps the larger rank`).toEqual([1, 7]);
        expect(np[name](a, np.array(values.slice().reverse())).toArray()).toEqual(
          values.map((v, i) => fn(v, values[values.length - 1 - i] as number)),
        );
      }
    const i = np.array([1, 5, -3], { dtype: 'int32' });
    expect(i.greater(1).toArray()).toEqual([false, true, false]);
    expect(np.less(2, i).toArray()).toEqual([false, true, false]);
  });
  it('where with lone or full operands, any condition dtype, and views', () => {
    const c = np.array([1, 0, -2, Number.NaN, 0]); // non-zero and NaN count as true
    const x = np.array([10, 20, 30, 40, 50]);
    const y = np.array([-1, -2, -3, -4, -5]);
    expect(np.where(c, x, y).toArray()).toEqual([10, -2, 30, 40, -5]);
    expect(np.where(c, 7, y).toArray()).toEqual([7, -2, 7, 7, -5]);
    expect(np.where(c, x, Number.NaN).toArray()).toEqual([10, Number.NaN, 30, 40, Number.NaN]);
    expect(np.where(c, 1, 2).toArray()).toEqual([1, 2, 1, 1, 2]);
    expect(np.where(c, x, y).dtype).toBe('float64');
    const f32 = np.array([1.5, -2.5], { dtype: 'float32' });
    expect(np.where(f32.greater(0), f32, 0).dtype).toBe('float32');
    const m = np.arange(6).reshape(2, 3);
    expect(np.where(m.T.greater(1), m.T, -1).toArray()).toEqual([
      [-1, 3],
      [-1, 4],
      [2, 5],
    ]);
    const bools = np.where(np.array([true, false]), np.array([true, true]), false);
    expect(bools.dtype).toBe('bool');
    expect(bools.toArray()).toEqual([true, false]);
  });
  it('isclose and allclose follow NumPy tolerances', () => {
    expect(
      np.isclose(np.array([1, 1.00001, 1e-9, Number.NaN]), np.array([1, 1, 0, Number.NaN])).toArray(),
    ).toEqual([true, true, true, false]);
    expect(np.isclose(Number.NaN, Number.NaN, { equalNan: true }).item()).toBe(1);
    expect(np.isclose(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY).item()).toBe(1);
    expect(np.allclose(np.array([1, 2]), np.array([1, 2.1]))).toBe(false);
    expect(np.allclose(np.array([1, 2]), np.array([1, 2.1]), { atol: 0.2 })).toBe(true);
    expect(np.allclose(np.ones([2, 2]), 1)).toBe(true);
  });
  it('method chains read like the math', () => {
    const x = np.array([[1, 2]]);
    const w = np.array([[1], [1]]);
    expect(
      x
        .matmul(w)
        .add(np.array([0.5]))
        .multiply(2)
        .toArray(),
    ).toEqual([[7]]);
  });
});
