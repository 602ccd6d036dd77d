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
    // large arrays are never from the arena
    expect(inStepArena(np.zeros([100_000]).data)).toBe(false);
  });

  it('trains to bit-identical weights when what is kept is copied out after each step', () => {
    const random = createRandom(7);
    const x = random.randn(64, 5);
    const trueW = random.randn(5, 3);
    const y = x.matmul(trueW);
    const train = (arena: boolean) => {
      let w = np.zeros([5, 3]);
      let velocity = np.zeros([5, 3]);
      for (let step = 0; step < 50; step++) {
        if (arena) beginStepArena();
        const error = x.matmul(w).subtract(y);
        const grad = x.T.matmul(error).divide(64);
        velocity = velocity.multiply(0.9).subtract(grad.multiply(0.1));
        w = w.add(velocity);
        if (arena) {
          endStepArena();
          const keep = (a: NDArray) => (inStepArena(a.data) ? a.copy() : a);
          w = keep(w);
          velocity = keep(velocity);
        }
      }
      return w;
    };
    const plain = train(false);
    const pooled = train(true);
    expect(pooled).toBeInstanceOf(NDArray);
    expect(inStepArena(pooled.data)).toBe(false);
    expect(Array.from(pooled.data)).toEqual(Array.from(plain.data));
  });
});
