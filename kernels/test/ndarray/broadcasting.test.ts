import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NDArray, np, ShapeError } from '../../src/index.ts';
import { type Dense, dense, flat, naiveBinary, naiveBroadcastShape, sizeOf } from './reference.ts';

const toND = (d: Dense) => np.array(d.values).reshape(d.shape);

/** Two shapes that broadcast: b is a of random dims set to 1, with leading dims dropped. */
const broadcastablePair = dense(4, 4).chain((a) =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: a.shape.length, maxLength: a.shape.length }),
      fc.integer({ min: 0, max: a.shape.length }),
    )
    .chain(([ones, drop]) => {
      const shape = a.shape.map((n, d) => (ones[d] ? 1 : n)).slice(drop);
      return fc
        .array(fc.integer({ min: -9, max: 9 }), { minLength: sizeOf(shape), maxLength: sizeOf(shape) })
        .map((values) => [a, { shape, values }] as const);
    }),
);

describe('broadcasting (property)', () => {
  const ops = [
    ['add', (x: number, y: number) => x + y],
    ['subtract', (x: number, y: number) => x - y],
    ['multiply', (x: number, y: number) => x * y],
    ['maximum', Math.max],
    ['greater', (x: number, y: number) => (x > y ? 1 : 0)],
  ] as const;
  for (const [name, fn] of ops) {
    it(`${name} matches a naive index-arithmetic reference, in both operand orders`, () => {
      fc.assert(
        fc.property(broadcastablePair, fc.boolean(), ([a, b], swap) => {
          const [p, q] = swap ? [b, a] : [a, b];
          const expected = naiveBinary(p, q, fn);
          const got = (np[name] as (x: NDArray, y: NDArray) => NDArray)(toND(p), toND(q));
          expect(got.shape).toEqual(expected.shape);
          expect(flat(got.toArray())).toEqual(expected.values);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('works on non-contiguous views (transposed, reversed) the same', () => {
    fc.assert(
      fc.property(broadcastablePair, ([a, b]) => {
        const expected = naiveBinary(a, b, (x, y) => x - y);
        const aT = toND(a).T.copy().T; // same values, transposed layout
        const bRev = toND(b);
        expect(flat(np.subtract(aT, bRev).toArray())).toEqual(expected.values);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects incompatible shapes exactly when the textbook rule does', () => {
    fc.assert(
      fc.property(dense(3, 3), dense(3, 3), (a, b) => {
        const ok = naiveBroadcastShape(a.shape, b.shape) !== undefined;
        if (ok) expect(np.add(toND(a), toND(b)).shape).toEqual(naiveBroadcastShape(a.shape, b.shape));
        else expect(() => np.add(toND(a), toND(b))).toThrow(ShapeError);
      }),
      { numRuns: 150 },
    );
  });
});

describe('broadcasting (examples)', () => {
  it('adds a row vector to every row', () => {
    const x = np.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(x.add(np.array([10, 20, 30])).toArray()).toEqual([
      [11, 22, 33],
      [14, 25, 36],
    ]);
    expect(np.add(np.array([[1], [2]]), np.array([10, 20])).toArray()).toEqual([
      [11, 21],
      [12, 22],
    ]);
  });

  it('names the op and both shapes on a mismatch', () => {
    expect(() => np.add(np.zeros([2, 3]), np.zeros(4))).toThrow(
      'add: operands could not be broadcast together with shapes (2,3) and (4,)',
    );
    expect(() => np.multiply(np.zeros([2, 3]), np.zeros([3, 2]))).toThrow(/multiply: .*\(2,3\) and \(3,2\)/);
  });

  it('accepts scalars and nested arrays anywhere', () => {
    expect(np.add(1, np.array([1, 2])).toArray()).toEqual([2, 3]);
    expect(np.multiply([1, 2], 3).toArray()).toEqual([3, 6]);
    expect(np.subtract(5, 2).toArray()).toBe(3);
    expect(np.array([1, 2]).divide(2).toArray()).toEqual([0.5, 1]);
  });
});

describe('type promotion', () => {
  const i = np.array([1, 2, 3], { dtype: 'int32' });
  const f32 = np.array([1, 2, 3], { dtype: 'float32' });
  const b = np.array([true, false, true]);
  it('promotes array dtypes like NumPy', () => {
    expect(np.add(i, np.array([0.5, 0.5, 0.5])).dtype).toBe('float64');
    expect(np.add(i, f32).dtype).toBe('float64');
    expect(np.add(f32, f32).dtype).toBe('float32');
    expect(np.add(f32, np.ones(3)).dtype).toBe('float64');
    expect(np.add(i, i).dtype).toBe('int32');
    expect(np.add(b, i).dtype).toBe('int32');
    expect(np.add(b, b).toArray()).toEqual([2, 0, 2]);
  });
  it('divides integers into float64', () => {
    const q = np.divide(i, np.array([2, 2, 2], { dtype: 'int32' }));
    expect(q.dtype).toBe('float64');
    expect(q.toArray()).toEqual([0.5, 1, 1.5]);
  });
  it('treats JS numbers as weak scalars (NumPy 2)', () => {
    expect(np.add(f32, 1).dtype).toBe('float32');
    expect(np.add(i, 1).dtype).toBe('int32');
    expect(np.add(i, 1.5).dtype).toBe('float64');
    expect(np.multiply(b, 2).dtype).toBe('int32');
    expect(np.equal(np.array([0.1], { dtype: 'float32' }), 0.1).toArray()).toEqual([true]);
  });
  it('wraps int32 overflow like NumPy', () => {
    const big = np.array([2 ** 31 - 1], { dtype: 'int32' });
    expect(big.add(1).toArray()).toEqual([-(2 ** 31)]);
    expect(np.array([65536], { dtype: 'int32' }).multiply(65536).toArray()).toEqual([0]);
  });
});
