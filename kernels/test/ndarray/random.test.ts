import { describe, expect, it } from 'vitest';
import { createRandom, np } from '../../src/index.ts';
import { portableLog } from '../../src/ndarray/random.ts';

describe('seeded randomness', () => {
  it('the same seed gives the same numbers; different seeds differ', () => {
    np.random.seed(42);
    const a = np.random.randn(5).toArray();
    const u = np.random.rand(2, 2).toArray();
    np.random.seed(42);
    expect(np.random.randn(5).toArray()).toEqual(a);
    expect(np.random.rand([2, 2]).toArray()).toEqual(u);
    np.random.seed(43);
    expect(np.random.randn(5).toArray()).not.toEqual(a);
  });
  it('is pinned: these exact values come out in every JS engine', () => {
    const r = createRandom(2024);
    const first = [r.nextUint32(), r.nextUint32(), r.nextUint32()];
    const again = createRandom(2024);
    expect([again.nextUint32(), again.nextUint32(), again.nextUint32()]).toEqual(first);
    // Regression pin, computed once by this implementation (xoshiro128** seeded by splitmix32).
    expect(first).toMatchInlineSnapshot(`
      [
        2419916859,
        2996235947,
        1249288266,
      ]
    `);
  });
  it('createRandom streams are independent of np.random and of each other', () => {
    const r1 = createRandom(7);
    const r2 = createRandom(7);
    np.random.seed(7);
    const x = r1.randn(3).toArray();
    np.random.randn(100);
    expect(r2.randn(3).toArray()).toEqual(x);
    expect(np.random.randn(3).toArray()).not.toEqual(x);
  });
  it('distributions have the right range and moments', () => {
    const r = createRandom(1);
    const u = r.rand(20000);
    expect(u.min().item()).toBeGreaterThanOrEqual(0);
    expect(u.max().item()).toBeLessThan(1);
    expect(u.mean().item()).toBeCloseTo(0.5, 1);
    const n = r.randn(20000);
    expect(n.mean().item()).toBeCloseTo(0, 1);
    expect(n.std().item()).toBeCloseTo(1, 1);
    const g = r.normal(3, 2, [20000]);
    expect(g.mean().item()).toBeCloseTo(3, 1);
    const v = r.uniform(-1, 1, 1000);
    expect(v.min().item()).toBeGreaterThanOrEqual(-1);
  });
  it('randint, permutation, choice, shuffle', () => {
    const r = createRandom(3);
    const k = r.randint(2, 5, { size: [1000] });
    expect(k.dtype).toBe('int32');
    expect(k.min().item()).toBe(2);
    expect(k.max().item()).toBe(4);
    expect(r.randint(3).shape).toEqual([]);
    const p = r.permutation(10);
    expect([...(p.toArray() as number[])].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const rows = r.permutation(np.arange(6).reshape(3, 2));
    expect(rows.sum({ axis: 0 }).toArray()).toEqual([6, 9]);
    const c = r.choice(5, { size: 5, replace: false }).toArray() as number[];
    expect(new Set(c).size).toBe(5);
    const weighted = r.choice(np.array([10, 20, 30]), { size: [2000], p: [0, 0.25, 0.75] });
    expect(weighted.equal(10).sum().item()).toBe(0);
    expect(weighted.equal(30).mean().item()).toBeCloseTo(0.75, 1);
    expect(() => r.choice(3, { size: 4, replace: false })).toThrow(/larger sample/);
    expect(() => r.choice(3, { p: [0.5, 0.5, 0.5] })).toThrow(/sum to 1/);
    const x = np.arange(5);
    r.shuffle(x);
    expect(x.sum().item()).toBe(10);
    const { randn } = np.random;
    expect(randn(2).shape).toEqual([2]);
  });
});

describe('portableLog (the logarithm of the seeded normals)', () => {
  it('is within one ulp of Math.log and exact at known values', () => {
    const view = new DataView(new ArrayBuffer(16));
    const ulps = (a: number, b: number) => {
      view.setFloat64(0, a);
      view.setFloat64(8, b);
      return Math.abs(Number(view.getBigInt64(0) - view.getBigInt64(8)));
    };
    const random = createRandom(7);
    for (let i = 0; i < 20_000; i++) {
      const x = i % 2 === 0 ? random.nextFloat() : Math.exp((random.nextFloat() - 0.5) * 1400);
      expect(ulps(portableLog(x), Math.log(x)), `log(${x})`).toBeLessThanOrEqual(1);
    }
    expect(portableLog(1)).toBe(0);
    expect(portableLog(0.5)).toBe(-Math.LN2);
    expect(portableLog(10)).toBe(Math.LN10);
    expect(portableLog(5e-324)).toBe(-744.4400719213812);
    expect(portableLog(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(portableLog(-1)).toBeNaN();
    expect(portableLog(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});
