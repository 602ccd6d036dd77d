import { describe, expect, it } from 'vitest';
import { DTypeError, NDArray, np, ShapeError } from '../../src/index.ts';

describe('creation', () => {
  it('array from nested arrays, typed arrays and scalars; always a copy', () => {
    const x = np.array([
      [1, 2],
      [3, 4],
    ]);
    expect(x.shape).toEqual([2, 2]);
    expect(x.dtype).toBe('float64');
    expect(x.ndim).toBe(2);
    expect(x.size).toBe(4);
    expect(np.array([true, false]).dtype).toBe('bool');
    expect(np.array(new Float32Array([1, 2])).dtype).toBe('float32');
    expect(np.array(new Int32Array([1, 2])).dtype).toBe('int32');
    expect(np.array(3).shape).toEqual([]);
    expect(np.array([1.7, -1.7], { dtype: 'int32' }).toArray()).toEqual([1, -1]);
    expect(np.array([0, 2], { dtype: 'bool' }).toArray()).toEqual([false, true]);
    const y = np.array(x);
    expect(y.data).not.toBe(x.data);
    expect(np.asarray(x)).toBe(x);
    expect(x).toBeInstanceOf(NDArray);
  });
  it('rejects ragged nesting and unknown dtypes', () => {
    expect(() => np.array([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => np.array([[1, 2], [3]])).toThrow(/ragged/);
    expect(() => np.zeros(2, { dtype: 'int64' as 'int32' })).toThrow(DTypeError);
  });
  it('zeros, ones, full, *Like, eye', () => {
    expect(np.zeros([2, 1]).toArray()).toEqual([[0], [0]]);
    expect(np.ones(3, { dtype: 'int32' }).toArray()).toEqual([1, 1, 1]);
    expect(np.full([2], 7).toArray()).toEqual([7, 7]);
    expect(np.full([1], true).dtype).toBe('bool');
    const f = np.ones([2], { dtype: 'float32' });
    expect(np.zerosLike(f).dtype).toBe('float32');
    expect(np.onesLike(f).toArray()).toEqual([1, 1]);
    expect(np.eye(2).toArray()).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(np.eye(2, 3, { k: 1 }).toArray()).toEqual([
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(() => np.zeros([2, -1])).toThrow(/non-negative integers/);
  });
  it('arange and linspace', () => {
    expect(np.arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(np.arange(4).dtype).toBe('int32');
    expect(np.arange(1, 7, 2).toArray()).toEqual([1, 3, 5]);
    expect(np.arange(5, 0, -2).toArray()).toEqual([5, 3, 1]);
    expect(np.arange(0, 1, 0.25).toArray()).toEqual([0, 0.25, 0.5, 0.75]);
    expect(np.arange(0, 1, 0.25).dtype).toBe('float64');
    expect(np.linspace(0, 1, 5).toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(np.linspace(0, 1, 4, { endpoint: false }).toArray()).toEqual([0, 0.25, 0.5, 0.75]);
    expect(np.linspace(0, 1).size).toBe(50);
    expect(() => np.arange(0, 1, 0)).toThrow(/step must be a non-zero/);
  });
  it('item, copy, astype, toTypedArray', () => {
    expect(np.array([[5]]).item()).toBe(5);
    expect(() => np.zeros(2).item()).toThrow(/size 1/);
    const x = np.arange(6).reshape(2, 3);
    const c = x.T.copy();
    expect(c.isContiguous()).toBe(true);
    expect(c.toArray()).toEqual(x.T.toArray());
    expect(x.astype('float32').dtype).toBe('float32');
    expect(np.array([0.5, 0]).astype('bool').toArray()).toEqual([true, false]);
    expect(Array.from(x.T.toTypedArray())).toEqual([0, 3, 1, 4, 2, 5]);
  });
});

describe('shape manipulation', () => {
  const x = np.arange(6).reshape(2, 3);
  it('reshape with -1 makes views of contiguous arrays, copies otherwise', () => {
    expect(x.reshape(-1, 2).shape).toEqual([3, 2]);
    expect(x.reshape([3, -1]).data).toBe(x.data);
    expect(x.T.reshape(6).toArray()).toEqual([0, 3, 1, 4, 2, 5]);
    expect(() => x.reshape(4, 2)).toThrow('reshape: cannot reshape array of size 6 into shape (4,2)');
    expect(() => x.reshape(-1, -1)).toThrow(/at most one -1/);
  });
  it('flatten copies, ravel views', () => {
    expect(x.flatten().data).not.toBe(x.data);
    expect(x.ravel().data).toBe(x.data);
    expect(x.flatten().toArray()).toEqual([0, 1, 2, 3, 4, 5]);
  });
  it('squeeze and expandDims', () => {
    const y = np.zeros([1, 3, 1]);
    expect(y.squeeze().shape).toEqual([3]);
    expect(y.squeeze({ axis: -1 }).shape).toEqual([1, 3]);
    expect(() => y.squeeze({ axis: 1 })).toThrow(/cannot squeeze axis 1.*length is 3/);
    expect(np.expandDims(x, 0).shape).toEqual([1, 2, 3]);
    expect(x.expandDims(-1).shape).toEqual([2, 3, 1]);
    expect(np.expandDims(x, [0, 3]).shape).toEqual([1, 2, 3, 1]);
  });
  it('concatenate, stack, split', () => {
    expect(np.concatenate([x, x], { axis: 1 }).toArray()).toEqual([
      [0, 1, 2, 0, 1, 2],
      [3, 4, 5, 3, 4, 5],
    ]);
    expect(np.concatenate([np.array([1]), np.array([2, 3])]).toArray()).toEqual([1, 2, 3]);
    expect(() => np.concatenate([x, np.zeros([2, 2])])).toThrow(/array 1 has shape \(2,2\)/);
    expect(np.stack([np.array([1, 2]), np.array([3, 4])], { axis: 1 }).toArray()).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(() => np.stack([np.zeros(2), np.zeros(3)])).toThrow(/same shape/);
    const parts = np.split(np.arange(6), 3);
    expect(parts.map((p) => p.toArray())).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    expect(np.split(np.arange(6), [1, 4]).map((p) => p.toArray())).toEqual([[0], [1, 2, 3], [4, 5]]);
    expect(np.split(x, 3, { axis: 1 })[2]?.toArray()).toEqual([[2], [5]]);
    expect(() => np.split(np.arange(6), 4)).toThrow(/equal division/);
  });
  it('pad, tile, repeat', () => {
    expect(np.pad(np.array([[1]]), 1).toArray()).toEqual([
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
    expect(np.pad(np.array([1, 2]), [1, 2], { constantValues: 9 }).toArray()).toEqual([9, 1, 2, 9, 9]);
    expect(
      np.pad(x, [
        [0, 0],
        [1, 0],
      ]).shape,
    ).toEqual([2, 4]);
    expect(np.tile(np.array([1, 2]), 2).toArray()).toEqual([1, 2, 1, 2]);
    expect(np.tile(np.array([1, 2]), [2, 1]).toArray()).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(np.repeat(x, 2, { axis: 0 }).shape).toEqual([4, 3]);
    expect(np.repeat(np.array([1, 2]), [1, 3]).toArray()).toEqual([1, 2, 2, 2]);
    expect(np.repeat(x, 2).toArray()).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
  it('swapaxes, moveaxis, broadcastTo', () => {
    expect(np.swapaxes(np.zeros([2, 3, 4]), 0, 2).shape).toEqual([4, 3, 2]);
    expect(np.moveaxis(np.zeros([2, 3, 4]), 0, -1).shape).toEqual([3, 4, 2]);
    const b = np.broadcastTo(np.array([1, 2]), [3, 2]);
    expect(b.toArray()).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    expect(() => np.broadcastTo(np.zeros(3), [2, 4])).toThrow(
      /cannot broadcast an array of shape \(3,\) to shape \(2,4\)/,
    );
  });
});
