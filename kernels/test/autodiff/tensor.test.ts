import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, np } from '../../src/index.ts';
import * as reference from '../../src/reference.ts';
import {
  add,
  gradcheck,
  matmul,
  mul,
  noGrad,
  numericGradient,
  record,
  relu,
  sum,
  Tensor,
  tensor,
  unbroadcast,
} from '../../src/reference.ts';

describe('Tensor and backward', () => {
  it('accumulates the gradient of a reused node over all paths', () => {
    const x = tensor([2, 3]);
    const y = mul(x, x); // x used twice
    sum(add(y, x)).backward(); // d/dx (x^2 + x) = 2x + 1
    expect(x.grad?.toArray()).toEqual([5, 7]);
  });

  it('runs each VJP once, after all paths have reached it (diamond graph)', () => {
    let calls = 0;
    const x = tensor(3);
    const h = record('double', np.multiply(x.value, 2), [x], (g) => {
      calls++;
      return [np.multiply(g, 2)];
    });
    mul(h, h).backward(); // (2x)^2: d/dx = 8x
    expect(calls).toBe(1);
    expect(x.grad?.item()).toBe(24);
  });

  it('sums broadcast gradients back to the operand shapes', () => {
    const a = tensor(np.ones([2, 3]));
    const b = tensor(np.ones([3]));
    const c = tensor(np.ones([2, 1]));
    sum(mul(add(a, b), c)).backward();
    expect(b.grad?.toArray()).toEqual([2, 2, 2]);
    expect(c.grad?.toArray()).toEqual([[6], [6]]);
    expect(unbroadcast(np.ones([4, 2, 3]), [1, 3]).toArray()).toEqual([[8, 8, 8]]);
  });

  it('adds up gradients over backward calls until zeroGrad', () => {
    const x = tensor([1, 2]);
    sum(mul(x, 3)).backward();
    sum(mul(x, 3)).backward();
    expect(x.grad?.toArray()).toEqual([6, 6]);
    x.zeroGrad();
    expect(x.grad).toBeNull();
  });

  it('noGrad and detach make constants; constants get no gradient', () => {
    const x = tensor([1, 2]);
    const y = noGrad(() => mul(x, 2));
    expect(y.requiresGrad).toBe(false);
    expect(y.parents).toEqual([]);
    const z = mul(x.detach(), x);
    sum(z).backward();
    expect(x.grad?.toArray()).toEqual([1, 2]); // only the non-detached path
    const c = new Tensor([1, 2]);
    expect(c.requiresGrad).toBe(false);
    expect(() => sum(c).backward()).toThrow(/requiresGrad/);
  });

  it('checks the upstream gradient shape and needs one for a non-scalar output', () => {
    const y = mul(tensor([1, 2]), 2);
    expect(() => y.backward()).toThrow(/shape \(2,\)/);
    expect(() => y.backward([1, 2, 3])).toThrow(/upstream gradient has shape \(3,\)/);
  });

  it('handles a deep chain without recursion limits', () => {
    const x = tensor(1);
    let y: Tensor = x;
    for (let i = 0; i < 20000; i++) y = add(y, 0.001);
    y.backward();
    expect(x.grad?.item()).toBe(1);
  });

  it('method forms chain like the functions', () => {
    const x = tensor([
      [1, 2],
      [3, 4],
    ]);
    const w = tensor([[1], [1]]);
    x.matmul(w).relu().sum().backward();
    expect(x.grad?.toArray()).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(x.T.shape).toEqual([2, 2]);
  });

  it('keeps layer ops out of the learner API', () => {
    for (const name of ['conv2d', 'maxPool2d', 'softmaxCrossEntropy', 'batchnorm', 'layernorm', 'relu'])
      expect(name in np, name).toBe(false);
    expect(typeof reference.conv2d).toBe('function');
  });

  it('broadcasting gradients hold for random shapes (property)', () => {
    const dims = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(
        dims,
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        fc.nat(1000),
        (shape, ones, seed) => {
          const other = shape.map((n, d) => (ones[d] ? 1 : n)).slice(ones[2] ? 1 : 0);
          const rng = createRandom(seed);
          const result = gradcheck((a, b) => mul(add(a, b), b), [rng.randn(shape), rng.randn(other)], {
            seed,
          });
          return result.ok;
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('numericGradient and gradcheck', () => {
  it('numericGradient matches known derivatives', () => {
    const g = numericGradient((x) => np.sum(np.power(x, 3)).item(), np.array([1, -2, 0.5]));
    const expected = [3, 12, 0.75];
    g.toTypedArray().forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i] as number, 8);
    });
  });

  it('numericGradient leaves its input unchanged and honours indices', () => {
    const x = np.array([1, 2, 3]);
    const g = numericGradient((y) => np.sum(y).item(), x, { indices: [1] });
    expect(x.toArray()).toEqual([1, 2, 3]);
    expect(g.toArray()).toEqual([0, expect.closeTo(1, 8), 0]);
  });

  it('catches a wrong VJP and names the input and index', () => {
    const wrongSquare = (a: Tensor) =>
      record('square', np.square(a.value), [a], (g) => [np.multiply(g, a.value)]);
    const result = gradcheck(wrongSquare, [np.array([[1, 2, 3]])], { seed: 1 });
    expect(result.ok).toBe(false);
    expect(result.maxRelativeError).toBeGreaterThan(0.3);
    expect(result.worst?.input).toBe(0);
    expect(result.worst?.index).toHaveLength(2);
    expect(result.message).toMatch(/input 0, index \[0, \d\]: analytic .*, numeric/);
  });

  it('moves inputs off kinks (relu at exactly 0)', () => {
    const x = np.array([0, 1, -1, 0]);
    const result = gradcheck((a) => relu(a), [x]);
    expect(result.moves).toBeGreaterThan(0);
    expect(result.ok).toBe(true);
    // without the move, the centred difference at 0 gives 1/2, not relu'(0) = 0
    const stuck = gradcheck((a) => relu(a), [x], { kinkMargin: 0 });
    expect(stuck.ok).toBe(false);
  });

  it('uses a kinks callback for kinks the ops cannot see', () => {
    // |x| written with where on a condition computed outside the graph
    const absByWhere = (a: Tensor) => reference.where(np.greater(a.value, 0), a, reference.neg(a));
    const result = gradcheck(absByWhere, [np.array([0, 2])], {
      kinks: (x) => Math.min(...Array.from(x.toTypedArray(), Math.abs)),
    });
    expect(result.moves).toBeGreaterThan(0);
    expect(result.ok).toBe(true);
  });

  it('checks a sample of elements when asked, reproducibly', () => {
    const rng = createRandom(5);
    const inputs = [rng.randn(20, 30), rng.randn(30, 5)];
    const a = gradcheck((x, w) => matmul(x, w), inputs, { samples: 10, seed: 3 });
    const b = gradcheck((x, w) => matmul(x, w), inputs, { samples: 10, seed: 3 });
    expect(a.checked).toBe(20);
    expect(a.ok).toBe(true);
    expect(a.maxRelativeError).toBe(b.maxRelativeError);
  });
});
