import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DTypeError, IndexError, np } from '../../src/index.ts';
import { flat, naiveSlice } from './reference.ts';

const bound = fc.option(fc.integer({ min: -12, max: 12 }), { nil: undefined });
const step = fc.integer({ min: -4, max: 4 }).filter((s) => s !== 0);

describe('slicing (property)', () => {
  it('matches Python slice semantics for string and object specs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), bound, bound, step, (n, start, stop, s) => {
        const values = Array.from({ length: n }, (_, i) => i);
        const x = np.arange(n);
        const expected = naiveSlice(values, start, stop, s);
        const text = `${start ?? ''}:${stop ?? ''}:${s}`;
        expect(flat(x.slice(text).toArray())).toEqual(expected);
        expect(flat(x.slice({ start, stop, step: s }).toArray())).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('slices of slices are views of the same storage: writes show through', () => {
    fc.assert(
      fc.property(bound, bound, step, bound, bound, step, (a, b, s, c, d, t) => {
        const x = np.arange(12, undefined, 1, { dtype: 'float64' });
        const values = Array.from({ length: 12 }, (_, i) => i);
        const view = x.slice({ start: a, stop: b, step: s }).slice({ start: c, stop: d, step: t });
        const chosen = naiveSlice(naiveSlice(values, a, b, s), c, d, t);
        expect(flat(view.toArray())).toEqual(chosen);
        expect(view.data).toBe(x.data);
        view.fill(-1);
        const after = flat(x.toArray());
        for (const i of values) expect(after[i]).toBe(chosen.includes(i) ? -1 : i);
      }),
      { numRuns: 200 },
    );
  });
});

describe('basic indexing (examples)', () => {
  const x = np.arange(12).reshape(3, 4);
  it('integers drop axes, slices keep them, negative indices count from the end', () => {
    expect(x.slice(1).toArray()).toEqual([4, 5, 6, 7]);
    expect(x.slice(-1, -1).toArray()).toBe(11);
    expect(x.slice(':', 1).toArray()).toEqual([1, 5, 9]);
    expect(x.slice('1:', '::2').toArray()).toEqual([
      [4, 6],
      [8, 10],
    ]);
    expect(x.slice('::-1', '-2:').toArray()).toEqual([
      [10, 11],
      [6, 7],
      [2, 3],
    ]);
    expect(x.slice('...', 0).toArray()).toEqual([0, 4, 8]);
    expect(x.slice(null, 0).shape).toEqual([1, 4]);
    expect(x.slice(':', np.newaxis, '1:2').shape).toEqual([3, 1, 1]);
    expect(x.at(2, -1)).toBe(11);
  });
  it('transpose and slicing share storage', () => {
    const y = np.zeros([2, 3]);
    y.T.slice(2).fill(7);
    expect(y.toArray()).toEqual([
      [0, 0, 7],
      [0, 0, 7],
    ]);
    expect(y.reshape(6).data).toBe(y.data);
  });
  it('reports bad indices clearly', () => {
    expect(() => x.slice(3)).toThrow('slice: index 3 is out of bounds for axis 0 with size 3');
    expect(() => x.slice(0, 0, 0)).toThrow(
      /too many indices for array: array is 2-dimensional, but 3 were indexed/,
    );
    expect(() => x.slice('a:b')).toThrow(IndexError);
    expect(() => x.slice('::0')).toThrow(/step cannot be zero/);
  });
});

describe('set (in place)', () => {
  it('writes broadcast values through slice specs', () => {
    const x = np.zeros([2, 3]);
    x.set([':', 1], 5).set(0, np.array([1, 2, 3]));
    expect(x.toArray()).toEqual([
      [1, 2, 3],
      [0, 5, 0],
    ]);
    x.set('...', 0);
    expect(x.sum().item()).toBe(0);
  });
  it('writes through a bool mask and an integer index array', () => {
    const x = np.array([1, -2, 3, -4]);
    x.set(x.less(0), 0);
    expect(x.toArray()).toEqual([1, 0, 3, 0]);
    const m = np.zeros([3, 2]);
    m.set(
      np.array([2, 0]),
      np.array([
        [1, 1],
        [2, 2],
      ]),
    );
    expect(m.toArray()).toEqual([
      [2, 2],
      [0, 0],
      [1, 1],
    ]);
  });
  it('handles overlapping source and destination (x[:] = x[::-1])', () => {
    const x = np.arange(5);
    x.set(':', x.slice('::-1'));
    expect(x.toArray()).toEqual([4, 3, 2, 1, 0]);
  });
  it('writes into strided views of four and more dimensions', () => {
    const x = np.zeros([2, 3, 4, 5]);
    x.set([':', '::2', '1:3', '::-2'], np.arange(2 * 2 * 2 * 3).reshape(2, 2, 2, 3));
    // element (a, b, c, d) of the view ['::2', '1:3', '::-2'] is x[a, 2b, 1 + c, 4 - 2d]
    const flat = new Array<number>(2 * 3 * 4 * 5).fill(0);
    let k = 0;
    for (let a = 0; a < 2; a++)
      for (let b = 0; b < 2; b++)
        for (let c = 0; c < 2; c++)
          for (let d = 0; d < 3; d++) flat[((a * 3 + 2 * b) * 4 + 1 + c) * 5 + 4 - 2 * d] = k++;
    const expected = np.array(flat).reshape(2, 3, 4, 5).toArray();
    expect(x.toArray()).toEqual(expected);
    const t = np.zeros([3, 2]);
    t.T.set(
      [':', ':'],
      np.array([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    );
    expect(t.toArray()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });
  it('converts to the destination dtype', () => {
    const x = np.zeros(2, { dtype: 'int32' });
    x.set(0, 2.7);
    expect(x.toArray()).toEqual([2, 0]);
  });
});

describe('integer-array and mask indexing', () => {
  const x = np.arange(12).reshape(3, 4);
  it('take along an axis, negative indices, flattened without axis', () => {
    expect(x.take([2, 0], { axis: 0 }).toArray()).toEqual([
      [8, 9, 10, 11],
      [0, 1, 2, 3],
    ]);
    expect(x.take([-1], { axis: 1 }).toArray()).toEqual([[3], [7], [11]]);
    expect(x.take([5, 0]).toArray()).toEqual([5, 0]);
    expect(np.take(x, np.array([[0, 1]], { dtype: 'int32' }), { axis: 0 }).shape).toEqual([1, 2, 4]);
    expect(() => x.take([3], { axis: 0 })).toThrow('take: index 3 is out of bounds for axis 0 with size 3');
    expect(() => x.take([0.5])).toThrow(/indices must be integers/);
  });
  it('mask selects elements (1-D) or rows', () => {
    expect(x.mask(x.greater(8)).toArray()).toEqual([9, 10, 11]);
    expect(x.mask(np.array([true, false, true])).toArray()).toEqual([
      [0, 1, 2, 3],
      [8, 9, 10, 11],
    ]);
    expect(() => x.mask(np.ones([3, 4]))).toThrow(DTypeError);
    expect(() => x.mask(np.array([true, false]))).toThrow(/does not match/);
  });
  it('takeAlongAxis gathers one entry per row (e.g. the scores of the correct classes)', () => {
    const scores = np.array([
      [0.1, 0.7, 0.2],
      [0.5, 0.3, 0.2],
    ]);
    const labels = np.array([[1], [0]], { dtype: 'int32' });
    expect(np.takeAlongAxis(scores, labels, 1).toArray()).toEqual([[0.7], [0.5]]);
    const idx = np.argmax(scores, { axis: 1, keepdims: true });
    expect(np.takeAlongAxis(scores, idx, -1).toArray()).toEqual([[0.7], [0.5]]);
  });
  it('putAlongAxis writes in place', () => {
    const g = np.zeros([2, 3]);
    np.putAlongAxis(g, np.array([[2], [0]]), -1, 1);
    expect(g.toArray()).toEqual([
      [0, 0, -1],
      [-1, 0, 0],
    ]);
  });
  it('addAt accumulates repeated indices (np.add.at), also with a tuple of index arrays', () => {
    const counts = np.zeros(4);
    np.addAt(counts, [0, 2, 2, 2], 1);
    expect(counts.toArray()).toEqual([1, 0, 3, 0]);
    const w = np.zeros([3, 2]);
    np.add.at(
      w,
      np.array([0, 0, 2]),
      np.array([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    );
    expect(w.toArray()).toEqual([
      [4, 6],
      [0, 0],
      [5, 6],
    ]);
    const m = np.zeros([2, 2]);
    np.addAt(m, [np.array([0, 0, 1]), np.array([1, 1, 0])], np.array([1, 2, 3]));
    expect(m.toArray()).toEqual([
      [0, 3],
      [3, 0],
    ]);
  });
});
