import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { MatmulArgs } from '../../src/index.ts';
import { getBackend, np, registerKernel, ShapeError, setBackend } from '../../src/index.ts';

/** Plain triple loop on nested arrays. */
function naiveMatmul(a: number[][], b: number[][]): number[][] {
  return a.map((row) => (b[0] ?? []).map((_, j) => row.reduce((s, v, p) => s + v * (b[p]?.[j] ?? 0), 0)));
}

const matrix = (rows: number, cols: number) =>
  fc.array(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: cols, maxLength: cols }), {
    minLength: rows,
    maxLength: rows,
  });

describe('matmul', () => {
  it('matches a naive triple loop (property)', () => {
    const dims = fc.tuple(
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 5 }),
    );
    fc.assert(
      fc.property(
        dims.chain(([m, k, n]) => fc.tuple(matrix(m, k), matrix(k, n))),
        ([a, b]) => {
          expect(np.matmul(np.array(a), np.array(b)).toArray()).toEqual(naiveMatmul(a, b));
        },
      ),
      { numRuns: 100 },
    );
  });
  it('computes a hand-checked product, also on transposed views', () => {
    const a = np.array([
      [1, 2],
      [3, 4],
    ]);
    expect(a.matmul(a).toArray()).toEqual([
      [7, 10],
      [15, 22],
    ]);
    expect(a.T.matmul(a).toArray()).toEqual([
      [10, 14],
      [14, 20],
    ]);
    expect(a.matmul(np.array([1, 1])).toArray()).toEqual([3, 7]);
    expect(np.matmul(np.array([1, 1]), a).toArray()).toEqual([4, 6]);
    expect(np.matmul(np.array([1, 2]), np.array([3, 4])).toArray()).toBe(11);
  });
  it('batches and broadcasts batch dims', () => {
    const a = np.arange(12).reshape(2, 2, 3).astype('float64');
    const b = np.ones([3, 1]);
    const out = np.matmul(a, b);
    expect(out.shape).toEqual([2, 2, 1]);
    expect(out.toArray()).toEqual([
      [[3], [12]],
      [[21], [30]],
    ]);
    expect(np.matmul(np.ones([4, 1, 2, 3]), np.ones([5, 3, 2])).shape).toEqual([4, 5, 2, 2]);
    const batched = np.matmul(a, np.stack([np.eye(3), np.eye(3).multiply(2)]));
    expect(batched.slice(1).toArray()).toEqual(a.slice(1).multiply(2).toArray());
  });
  it('keeps int dtypes and float32', () => {
    const i = np.array([[1, 2]], { dtype: 'int32' });
    expect(np.matmul(i, i.T).dtype).toBe('int32');
    expect(
      np.matmul(np.ones([2, 2], { dtype: 'float32' }), np.ones([2, 2], { dtype: 'float32' })).dtype,
    ).toBe('float32');
  });
  it('explains misaligned shapes', () => {
    expect(() => np.matmul(np.zeros([2, 3]), np.zeros([4, 5]))).toThrow(ShapeError);
    expect(() => np.matmul(np.zeros([2, 3]), np.zeros([4, 5]))).toThrow(
      'matmul: shapes (2,3) and (4,5) are not aligned: the first has 3 columns but the second has 4 rows',
    );
    expect(() => np.matmul(np.zeros([2, 2, 2]), np.zeros([3, 2, 2]))).toThrow(/batch dimensions/);
    expect(() => np.matmul(np.zeros([2]), 3)).toThrow(/at least 1 dimension/);
  });
  it('does a 256x256 float64 product quickly and exactly like the reference kernel', () => {
    const a = np.random.randn(256, 256);
    const b = np.random.randn(256, 256);
    const c = np.matmul(a, b);
    const i = 17;
    const j = 200;
    let expected = 0;
    for (let p = 0; p < 256; p++) expected += a.at(i, p) * b.at(p, j);
    expect(c.at(i, j)).toBe(expected);
  });
});

describe('dot, outer, einsum, transpose', () => {
  const a = np.array([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  it('dot follows NumPy for every rank combination', () => {
    expect(np.dot(np.array([1, 2, 3]), np.array([4, 5, 6])).item()).toBe(32);
    expect(np.dot(a, np.array([1, 0, 1])).toArray()).toEqual([4, 10]);
    expect(np.dot(2, a).toArray()).toEqual(a.multiply(2).toArray());
    const x = np.arange(24).reshape(2, 3, 4).astype('float64');
    const y = np.arange(20).reshape(5, 4, 1).astype('float64');
    const d = np.dot(x, y);
    expect(d.shape).toEqual([2, 3, 5, 1]);
    let expected = 0;
    for (let k = 0; k < 4; k++) expected += x.at(1, 2, k) * y.at(3, k, 0);
    expect(d.at(1, 2, 3, 0)).toBe(expected);
  });
  it('outer', () => {
    expect(np.outer(np.array([1, 2]), np.array([3, 4, 5])).toArray()).toEqual([
      [3, 4, 5],
      [6, 8, 10],
    ]);
  });
  it('einsum covers the common patterns', () => {
    const b = np.arange(12).reshape(3, 4).astype('float64');
    expect(np.einsum('ij,jk->ik', a, b).toArray()).toEqual(np.matmul(a, b).toArray());
    expect(np.einsum('ij->ji', a).toArray()).toEqual(a.T.toArray());
    expect(np.einsum('ij->', a).item()).toBe(21);
    expect(np.einsum('ij->j', a).toArray()).toEqual([5, 7, 9]);
    expect(
      np
        .einsum(
          'ii->',
          np.array([
            [1, 2],
            [3, 4],
          ]),
        )
        .item(),
    ).toBe(5);
    expect(
      np
        .einsum(
          'ii->i',
          np.array([
            [1, 2],
            [3, 4],
          ]),
        )
        .toArray(),
    ).toEqual([1, 4]);
    expect(np.einsum('i,i->', [1, 2, 3], [4, 5, 6]).item()).toBe(32);
    expect(np.einsum('i,j->ij', [1, 2], [3, 4]).toArray()).toEqual([
      [3, 4],
      [6, 8],
    ]);
    expect(np.einsum('ij,jk', a, b).toArray()).toEqual(np.matmul(a, b).toArray());
    const x = np.random.randn(2, 3, 4, 5);
    const y = np.random.randn(2, 3, 4, 5);
    expect(np.einsum('bij,bjk->bik', x.slice(0), y.slice(0).transpose(0, 2, 1)).shape).toEqual([3, 4, 4]);
    const scores = np.einsum('bhqd,bhkd->bhqk', x, y);
    expect(np.allclose(scores, np.matmul(x, np.swapaxes(y, -1, -2)), { rtol: 1e-12 })).toBe(true);
    expect(() => np.einsum('ij,jk->ik', a, a)).toThrow(/letter 'j' has size 3 in one place and 2/);
    expect(() => np.einsum('ij->ik', a)).toThrow(/output letter 'k'/);
    expect(() => np.einsum('ijk->', a)).toThrow(/operand 0 has 2 dimensions/);
  });
  it('transpose with axes is a view', () => {
    const x = np.zeros([2, 3, 4]);
    const t = np.transpose(x, [2, 0, 1]);
    expect(t.shape).toEqual([4, 2, 3]);
    expect(t.data).toBe(x.data);
    expect(x.transpose(1, 0, 2).shape).toEqual([3, 2, 4]);
    expect(() => np.transpose(x, [0, 1])).toThrow(/not a permutation/);
  });
});

describe('backend dispatch', () => {
  afterEach(() => setBackend('js'));
  it('defaults to js and routes contiguous float matmul through the chosen backend', () => {
    expect(getBackend()).toBe('js');
    // choosing wasm registers its real kernels; the fake below then replaces its matmul
    expect(setBackend('wasm')).toBe(true);
    setBackend('js');
    let calls = 0;
    registerKernel({
      kernelName: 'matmul',
      backendName: 'wasm',
      dtypes: ['float32'],
      kernelFunc: (args: MatmulArgs) => {
        calls++;
        args.out.fill(42);
      },
    });
    setBackend('wasm');
    expect(
      np.matmul(np.ones([2, 2], { dtype: 'float32' }), np.ones([2, 2], { dtype: 'float32' })).toArray(),
    ).toEqual([
      [42, 42],
      [42, 42],
    ]);
    expect(calls).toBe(1);
    // float64 is not registered on the fake backend: the js reference runs.
    expect(np.matmul(np.ones([2, 2]), np.ones([2, 2])).toArray()).toEqual([
      [2, 2],
      [2, 2],
    ]);
    expect(() => setBackend('cuda' as 'js')).toThrow(/unknown backend "cuda"/);
  });
});
