import { describe, expect, it } from 'vitest';
import { conv2dJs, matmulJs, pool2dJs, reduceJs, resolveKernel } from '../src/index.ts';

// Hand-computed values for the float64 reference kernels that every backend is checked against.
describe('js reference kernels', () => {
  it('matmul', () => {
    const out = new Float64Array(4);
    matmulJs({
      a: Float64Array.of(1, 2, 3, 4, 5, 6),
      b: Float64Array.of(7, 8, 9, 10, 11, 12),
      out,
      m: 2,
      k: 3,
      n: 2,
    });
    expect([...out]).toEqual([58, 64, 139, 154]);
  });

  it('conv2d with padding, stride and bias', () => {
    // one 3x3 input plane 1..9, one 2x2 filter of ones, pad 1, stride 2, bias 0.5
    const x = Float64Array.from({ length: 9 }, (_, i) => i + 1);
    const out = new Float64Array(4);
    conv2dJs({
      x,
      w: new Float64Array(4).fill(1),
      bias: Float64Array.of(0.5),
      out,
      n: 1,
      c: 1,
      h: 3,
      wIn: 3,
      f: 1,
      kh: 2,
      kw: 2,
      stride: 2,
      pad: 1,
      outH: 2,
      outW: 2,
    });
    // windows: {1}, {2,3}, {4,7}, {5,6,8,9}
    expect([...out]).toEqual([1.5, 5.5, 11.5, 28.5]);
  });

  it('max and average pooling', () => {
    const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
    const args = { x, n: 1, c: 1, h: 4, w: 4, kh: 2, kw: 2, stride: 2, outH: 2, outW: 2 };
    const max = new Float64Array(4);
    pool2dJs({ ...args, kind: 'max', out: max });
    expect([...max]).toEqual([6, 8, 14, 16]);
    const avg = new Float64Array(4);
    pool2dJs({ ...args, kind: 'avg', out: avg });
    expect([...avg]).toEqual([3.5, 5.5, 11.5, 13.5]);
  });

  it('reduces the middle axis', () => {
    // x viewed as (2, 3, 2)
    const x = Float64Array.from({ length: 12 }, (_, i) => i);
    const sum = new Float64Array(4);
    reduceJs({ op: 'sum', x, out: sum, outer: 2, size: 3, inner: 2 });
    expect([...sum]).toEqual([6, 9, 24, 27]);
    const max = new Float64Array(4);
    reduceJs({ op: 'max', x, out: max, outer: 2, size: 3, inner: 2 });
    expect([...max]).toEqual([4, 5, 10, 11]);
  });

  it('falls back to the js kernel for a backend without one', () => {
    expect(resolveKernel('matmul', 'float64', 'wasm')).toBe(resolveKernel('matmul', 'float64', 'js'));
  });
});
