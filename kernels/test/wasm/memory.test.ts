/**
 * The arena resets after every kernel call, so wasm memory grows only to the largest single
 * call's footprint, however many calls run.
 */
import { describe, expect, it } from 'vitest';
import type { FloatArray } from '../../src/backend/kernel-types.ts';
import {
  binaryWasm,
  conv2dWasm,
  matmulWasm,
  pool2dWasm,
  reduceWasm,
  unaryWasm,
  wasmKernelModule,
} from '../../src/backend/wasm/index.ts';
import { randomArray } from '../conformance/cases.ts';

describe('wasm memory', () => {
  it('stays bounded over 10,000 calls of mixed sizes and kernels', () => {
    const { arena } = wasmKernelModule();
    const make = (f32: boolean, len: number): FloatArray =>
      randomArray(f32 ? 'float32' : 'float64', len, len);
    // The largest call below is a 96x96x96 f64 matmul: 3 x 72 KiB of operands plus packing scratch.
    const largest = () => {
      const a = make(false, 96 * 96);
      matmulWasm({ a, b: a, out: new Float64Array(96 * 96), m: 96, k: 96, n: 96 });
    };
    largest();
    const afterLargest = arena.byteLength;
    let state = 12345;
    const next = (limit: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % limit;
    };
    for (let i = 0; i < 10_000; i++) {
      const f32 = (i & 1) === 0;
      const s = 1 + next(48);
      switch (i % 6) {
        case 0: {
          const m = 1 + next(96);
          const k = 1 + next(96);
          const n = 1 + next(96);
          matmulWasm({ a: make(f32, m * k), b: make(f32, k * n), out: make(f32, m * n), m, k, n });
          break;
        }
        case 1: {
          const h = 3 + next(12);
          conv2dWasm({
            x: make(f32, 2 * 3 * h * h),
            w: make(f32, 4 * 3 * 9),
            bias: make(f32, 4),
            out: make(f32, 2 * 4 * h * h),
            n: 2,
            c: 3,
            h,
            wIn: h,
            f: 4,
            kh: 3,
            kw: 3,
            stride: 1,
            pad: 1,
            outH: h,
            outW: h,
          });
          break;
        }
        case 2: {
          const h = 2 * s;
          pool2dWasm({
            kind: next(2) ? 'max' : 'avg',
            x: make(f32, 3 * h * h),
            out: make(f32, 3 * s * s),
            n: 1,
            c: 3,
            h,
            w: h,
            kh: 2,
            kw: 2,
            stride: 2,
            outH: s,
            outW: s,
          });
          break;
        }
        case 3:
          unaryWasm({ op: 'tanh', x: make(f32, s * 50), out: make(f32, s * 50) });
          break;
        case 4:
          binaryWasm({ op: 'mul', a: make(f32, s * 70), b: make(f32, s * 70), out: make(f32, s * 70) });
          break;
        default:
          reduceWasm({ op: 'sum', x: make(f32, 3 * s * 5), out: make(f32, 15), outer: 3, size: s, inner: 5 });
      }
    }
    expect(arena.byteLength).toBe(afterLargest);
    expect(arena.byteLength).toBeLessThanOrEqual(1 << 20);
  });

  it('resets the arena when a kernel throws', () => {
    const { arena } = wasmKernelModule();
    const before = arena.byteLength;
    expect(() =>
      matmulWasm({
        a: new Float32Array(3),
        b: new Float32Array(4),
        out: new Float32Array(4),
        m: 2,
        k: 2,
        n: 2,
      }),
    ).toThrow(/a has 3 elements, expected 4/);
    matmulWasm({
      a: new Float32Array(4),
      b: new Float32Array(4),
      out: new Float32Array(4),
      m: 2,
      k: 2,
      n: 2,
    });
    expect(arena.byteLength).toBe(before);
  });
});
