import { afterEach, describe, expect, it } from 'vitest';
import { createRandom, NDArray, np } from '../../src/index.ts';
import { beginStepArena, endStepArena, inStepArena } from '../../src/ndarray/dtype.ts';

describe('the step arena', () => {
  afterEach(() => endStepArena());

  it('hands out zeroed memory that the next step reuses; arrays made outside it are their own', () => {
    beginStepArena();
    const first = np.ones([100]).multiply(7);
    const again = np.zeros([100]);
    expect(inStepArena(first.data)).toBe(true);
    expect(Array.from(again.data)).toEqual(new Array(100).fill(0));
    endStepArena();
    const outside = np.ones([100]);
    expect(inStepArena(outside.data)).toBe(false);

    beginStepArena();
    const reused = np.zeros([100]);
    // the same memory as the previous step's first array, cleared
    expect(reused.data.buffer).toBe(first.data.buffer);
    expect(Array.from(reused.data)).toEqual(new Array(100).fill(0));
    expect(Array.from(outside.data)).toEqual(new Array(100).fill(1));
  });

  it('hands large arrays buffers of their size that the next step reuses in the same order, zeroed', () => {
    beginStepArena();
    const big = np.ones([100_000]);
    const other = np.ones([50_000]);
    expect(inStepArena(big.data)).toBe(true);
    expect(inStepArena(other.data)).toBe(true);
    endStepArena();
    expect(inStepArena(np.ones([100_000]).data)).toBe(false);
    beginStepArena();
    const again = np.zeros([100_000]);
    const second = np.zeros([100_000]);
    // (identity compared as booleans: a failing toBe would print megabytes of buffer)
    expect(again.data.buffer === big.data.buffer).toBe(true);
    expect(second.data.buffer === big.data.buffer).toBe(false);
    expect(Array.from(again.data).every((v) => v === 0)).toBe(true);
    expect(np.zeros([50_000]).data.buffer === other.data.buffer).toBe(true);
  });

  it('trains to bit-identical weights when what is kept is copied out after each step', () => {
    const random = createRandom(7);
    // 4,000 rows: the activations are large arrays (over 128 KiB), from the arena's large buffers
    const x = random.randn(4000, 5);
    const trueW = random.randn(5, 3);
    // shifted up so that most units are active: every element of every step counts
    const y = np.maximum(x.matmul(trueW).add(3), 0);
    const w0 = random.randn(5, 3).multiply(0.1);
    /** One step: the new (w, b, velocity). */
    const step = (xs: NDArray, w: NDArray, b: NDArray, velocity: NDArray) => {
      const z = xs.matmul(w).add(b);
      const h = np.where(z.greater(0), z, 0); // ReLU: compare, where, a lone operand
      const error = h.subtract(y);
      const dz = np.where(z.greater(0), error, 0);
      const grad = xs.T.matmul(dz).divide(4000); // a transposed (strided) operand
      const v = velocity.multiply(0.9).subtract(grad.multiply(0.1));
      return [w.add(v), b.subtract(dz.sum({ axis: 0 }).multiply(0.1 / 4000)), v] as const;
    };
    const train = (arena: boolean) => {
      let w = w0.copy();
      let b = np.ones([3]).multiply(3);
      let velocity = np.zeros([5, 3]);
      if (arena) {
        // NaN first in all the arena memory the steps use (slabs, and the large buffers of the
        // transposed copy's size): an element that an op leaves unwritten would read NaN
        beginStepArena();
        for (let i = 0; i < 64; i++) np.zeros([16_000]).data.fill(Number.NaN);
        for (let i = 0; i < 4; i++) np.zeros([20_000]).data.fill(Number.NaN);
        endStepArena();
      }
      for (let i = 0; i < 30; i++) {
        if (arena) beginStepArena();
        [w, b, velocity] = step(x, w, b, velocity);
        if (arena) {
          endStepArena();
          const keep = (a: NDArray) => (inStepArena(a.data) ? a.copy() : a);
          w = keep(w);
          b = keep(b);
          velocity = keep(velocity);
        }
      }
      return np.concatenate([w.reshape(-1), b]);
    };
    const plain = train(false);
    const pooled = train(true);
    expect(pooled).toBeInstanceOf(NDArray);
    expect(inStepArena(pooled.data)).toBe(false);
    expect(Array.from(pooled.data)).toEqual(Array.from(plain.data));
  });
});
