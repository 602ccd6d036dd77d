/** Property tests: wasm matmul / conv2d on random shapes (fast-check) against the js reference. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FloatDType } from '../../src/backend/kernel-types.ts';
import { conv2dWasm, matmulWasm } from '../../src/backend/wasm/index.ts';
import { compareOutputs, prepareCase } from '../conformance/cases.ts';

const dtype = fc.constantFrom<FloatDType>('float32', 'float64');

describe('wasm kernels on random shapes', () => {
  it('matmul matches the reference', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(300), fc.nat(40), dtype, fc.nat(1000), (m, k, n, dt, seed) => {
        const p = prepareCase({ kernel: 'matmul', m, k, n }, dt, seed);
        if (p.kernelName !== 'matmul') throw new Error('unreachable');
        matmulWasm(p.args);
        expect(compareOutputs(p, p.args.out)).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  it('conv2d matches the reference', () => {
    const geometry = fc.record({
      n: fc.integer({ min: 0, max: 2 }),
      c: fc.integer({ min: 1, max: 5 }),
      h: fc.integer({ min: 1, max: 11 }),
      w: fc.integer({ min: 1, max: 11 }),
      f: fc.integer({ min: 1, max: 9 }),
      kh: fc.integer({ min: 1, max: 4 }),
      kw: fc.integer({ min: 1, max: 4 }),
      stride: fc.integer({ min: 1, max: 3 }),
      pad: fc.integer({ min: 0, max: 2 }),
      bias: fc.boolean(),
    });
    fc.assert(
      fc.property(geometry, dtype, (g, dt) => {
        fc.pre(g.h + 2 * g.pad >= g.kh && g.w + 2 * g.pad >= g.kw);
        const p = prepareCase({ kernel: 'conv2d', ...g }, dt);
        if (p.kernelName !== 'conv2d') throw new Error('unreachable');
        conv2dWasm(p.args);
        expect(compareOutputs(p, p.args.out)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  // Wider images reach the paths the small shapes above rarely do: Winograd F(2x2, 3x3) for f32
  // 3x3 / stride 1 (output >= 4 x 4), and the vector and masked-edge packing of the implicit
  // im2col (panels of 8 (f32) / 4 (f64) columns inside one output row).
  it('conv2d matches the reference on wider images', () => {
    const geometry = fc.record({
      n: fc.integer({ min: 1, max: 2 }),
      c: fc.integer({ min: 1, max: 6 }),
      h: fc.integer({ min: 3, max: 36 }),
      w: fc.integer({ min: 3, max: 36 }),
      f: fc.integer({ min: 1, max: 11 }),
      k: fc.constantFrom(1, 2, 3, 3, 3, 5),
      stride: fc.constantFrom(1, 1, 1, 2),
      pad: fc.integer({ min: 0, max: 3 }),
      bias: fc.boolean(),
    });
    fc.assert(
      fc.property(geometry, dtype, fc.nat(1000), ({ k, ...g }, dt, seed) => {
        fc.pre(g.h + 2 * g.pad >= k && g.w + 2 * g.pad >= k);
        const p = prepareCase({ kernel: 'conv2d', ...g, kh: k, kw: k }, dt, seed);
        if (p.kernelName !== 'conv2d') throw new Error('unreachable');
        conv2dWasm(p.args);
        expect(compareOutputs(p, p.args.out)).toBeUndefined();
      }),
      { numRuns: 80 },
    );
  });
});
