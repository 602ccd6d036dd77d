import { afterAll, describe, expect, it } from 'vitest';
import { createRandom, registerWasmBackend, setBackend } from '../../src/index.ts';
import { avgPool2d, conv2d, maxPool2d, softmaxCrossEntropy, tensor } from '../../src/reference.ts';
import { expectGradcheck, randn } from './helpers.ts';

// The layers run on whichever backend is selected; gradients are defined once, above the kernels.
const wasm = registerWasmBackend();

describe.runIf(wasm)('reference layers on the wasm backend', () => {
  afterAll(() => setBackend('js'));

  it('conv2d and pooling give the js results and pass gradcheck', () => {
    const rng = createRandom(8);
    const [x, w, b] = [rng.randn(2, 3, 5, 6), rng.randn(4, 3, 3, 3), rng.randn(4)];
    const run = () => ({
      conv: conv2d(x, w, b, { stride: 2, pad: 1 }).value.toTypedArray(),
      max: maxPool2d(x, { kernel: 2 }).value.toTypedArray(),
      avg: avgPool2d(x, { kernel: 3, stride: 1 }).value.toTypedArray(),
    });
    setBackend('js');
    const reference = run();
    setBackend('wasm');
    const fast = run();
    for (const key of ['conv', 'max', 'avg'] as const)
      fast[key].forEach((v, i) => {
        expect(v).toBeCloseTo(reference[key][i] as number, 12);
      });
    expectGradcheck('conv2d on wasm', (xi, wi, bi) => conv2d(xi, wi, bi, { pad: 1 }), [
      randn(1, 2, 4, 3),
      randn(2, 2, 3, 3),
      randn(2),
    ]);
    expectGradcheck('maxPool2d on wasm', (xi) => maxPool2d(xi, { kernel: 2, stride: 1 }), [
      randn(1, 2, 3, 3),
    ]);
    const loss = softmaxCrossEntropy(tensor(rng.randn(3, 4)), [0, 1, 3]);
    expect(Number.isFinite(loss.item())).toBe(true);
  });
});
