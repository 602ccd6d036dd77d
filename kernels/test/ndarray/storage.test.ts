import { afterEach, describe, expect, it } from 'vitest';
import { createRandom, np, setStorageSlabs } from '../../src/index.ts';

describe('storage slabs (the lab worker turns them on)', () => {
  afterEach(() => setStorageSlabs(false));

  it('gives small arrays zeroed, independent views of a shared buffer, and large ones their own', () => {
    setStorageSlabs(true);
    const a = np.zeros([10, 10]);
    const b = np.ones([10, 10]).multiply(3);
    const big = np.zeros([200, 200]);
    expect((a.data as Float64Array).buffer).toBe((b.data as Float64Array).buffer);
    expect((a.data as Float64Array).byteLength).toBe(800);
    expect((big.data as Float64Array).buffer.byteLength).toBe(200 * 200 * 8);
    b.set([0, 0], 7);
    expect(a.sum().item()).toBe(0);
    expect(b.sum().item()).toBe(3 * 99 + 7);
    // thousands of arrays fill several slabs and stay correct
    const arrays = Array.from({ length: 3000 }, (_, i) => np.full([50], i));
    expect(arrays.every((x, i) => x.sum().item() === 50 * i)).toBe(true);
  });

  it('computes the same values with slabs as without', () => {
    const random = createRandom(3);
    const x = random.randn(30, 40);
    const w = random.randn(40, 20);
    const run = () => x.matmul(w).add(np.arange(20)).multiply(0.5).T.subtract(1).toArray();
    const plain = run();
    setStorageSlabs(true);
    expect(run()).toEqual(plain);
  });
});

describe('elementwise fast paths', () => {
  const random = createRandom(11);
  const x = random.randn(7, 9);

  it('a scalar operand on either side gives what the broadcast computation gives', () => {
    const s = np.array(-1.75);
    const full = np.full([7, 9], -1.75);
    for (const op of ['add', 'subtract', 'multiply', 'divide'] as const) {
      expect(np[op](x, s).toArray(), `${op}(x, s)`).toEqual(np[op](x, full).toArray());
      expect(np[op](s, x).toArray(), `${op}(s, x)`).toEqual(np[op](full, x).toArray());
      expect(np[op](x, 2.5).shape).toEqual([7, 9]);
    }
    const f32 = x.astype('float32');
    expect(np.multiply(f32, 0.1).dtype).toBe('float32');
    expect(np.multiply(f32, 0.1).toArray()).toEqual(
      np.multiply(f32, np.full([7, 9], 0.1, { dtype: 'float32' })).toArray(),
    );
    // a scalar with more dimensions than the array broadcasts the shape up, as before
    expect(np.add(np.ones([3]), np.ones([1, 1])).shape).toEqual([1, 3]);
  });

  it('copies transposed and broadcast views in row-major order', () => {
    const t = x.T.copy();
    expect(t.shape).toEqual([9, 7]);
    expect(t.at(4, 2)).toBe(x.at(2, 4));
    const rows = np.broadcastTo(np.arange(9), [7, 9]).copy();
    expect(rows.at(6, 8)).toBe(8);
    const cols = np.broadcastTo(np.arange(7).reshape([7, 1]), [7, 9]).copy();
    expect(cols.at(6, 8)).toBe(6);
    expect(cols.at(3, 0)).toBe(3);
  });

  it('walks views with size-1, broadcast and mergeable dimensions element by element', () => {
    const base = np.arange(2 * 3 * 4 * 5).reshape(2, 3, 4, 5);
    const views = [
      base.slice(':', ':', 0, null), // [2, 3, 1, 5]: an inserted size-1 dimension
      base.slice(':', '1:3', ':', '::2'),
      base.slice('::-1', ':', '1:2', ':').transpose(3, 0, 2, 1),
      np.broadcastTo(base.slice(':', ':', 2, 3).reshape(2, 3, 1), [2, 3, 4]),
      np.broadcastTo(base.slice(1, 2, 3, 4).reshape(1, 1, 1), [3, 1, 2]),
      base.slice(':', ':', ':', 4).T,
    ];
    for (const view of views) {
      const copy = view.copy();
      const offsets = (shape: number[]): number[][] =>
        shape.length === 0
          ? [[]]
          : offsets(shape.slice(1)).flatMap((rest) =>
              Array.from({ length: shape[0] as number }, (_, i) => [i, ...rest]),
            );
      const indices = offsets([...view.shape]).sort((p, q) => {
        for (let d = 0; d < p.length; d++) if (p[d] !== q[d]) return (p[d] as number) - (q[d] as number);
        return 0;
      });
      expect(Array.from(copy.data)).toEqual(indices.map((i) => view.at(...i)));
    }
  });
});
