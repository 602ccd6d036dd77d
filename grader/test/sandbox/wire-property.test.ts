/**
 * The wire format, property-tested: any tree of numbers (NaN, +-Infinity and -0 included),
 * strings, booleans, null, lists, plain objects and arrays of every dtype and view (transposed,
 * sliced, broadcast) arrives with exactly its logical values, through the sandbox's structured
 * clone and through JSON (the Run kit); anything else is refused with a message naming its path.
 */
import v8 from 'node:v8';
import { NDArray, np } from '@gradlab/kernels';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromJsonWire, fromWire, toJsonWire, toWire } from '../../src/scenario/values-wire.ts';

const DTYPES = ['float64', 'float32', 'int32', 'bool'] as const;

const number = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0),
  fc.integer({ min: -1000, max: 1000 }),
);

/** A random array of a random dtype, then a random view of it. */
const ndarray = fc
  .record({
    dtype: fc.constantFrom(...DTYPES),
    shape: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 3 }),
    view: fc.constantFrom('plain', 'transpose', 'slice', 'broadcast'),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ dtype, shape, view, seed }) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = Array.from(
      { length: size },
      (_, i) => ((i * 7919 + seed) % 23) - 11 + (dtype === 'float64' ? 0.5 : 0),
    );
    let x = np.array(values).reshape(shape).astype(dtype);
    if (view === 'transpose' && shape.length >= 2) x = x.T;
    if (view === 'slice' && shape.length >= 1 && (shape[0] ?? 0) >= 2) x = x.slice('1:');
    if (view === 'broadcast') x = np.broadcastTo(x, [2, ...shape]);
    return x;
  });

const key = fc.string({ maxLength: 6 }).filter((k) => k !== '__proto__');
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    number,
    fc.string({ maxLength: 8 }),
    fc.boolean(),
    fc.constant(null),
    ndarray,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
  ),
}));

/** The logical content of a value: arrays as dtype, shape and values in row-major order. */
function logical(value: unknown): unknown {
  if (value instanceof NDArray)
    return { dtype: value.dtype, shape: [...value.shape], values: Array.from(value.toTypedArray()) };
  if (Array.isArray(value)) return value.map(logical);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, logical(v)]));
  return value;
}

/** Exact equality, with NaN equal to NaN and -0 different from 0 (Object.is on every number). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}

describe('the wire format', () => {
  it('carries every tree exactly through the sandbox (structured clone) and through JSON', () => {
    fc.assert(
      fc.property(tree, (value) => {
        const want = logical(value);
        const cloned = fromWire(v8.deserialize(v8.serialize(toWire(value))));
        const viaJson = fromJsonWire(JSON.parse(JSON.stringify(toJsonWire(value))));
        return same(logical(cloned), want) && same(logical(viaJson), want);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps -0, NaN and the infinities inside arrays through JSON', () => {
    const x = np.array([-0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.5]);
    const back = fromJsonWire(JSON.parse(JSON.stringify(toJsonWire({ x })))) as { x: NDArray };
    expect(Array.from(back.x.toTypedArray()).map((v) => (Object.is(v, -0) ? '-0' : String(v)))).toEqual([
      '-0',
      'NaN',
      'Infinity',
      '-Infinity',
      '1.5',
    ]);
  });

  it('gives int32 labels and a transposed view nested in a config their exact values and dtype', () => {
    const v = np.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const value = { y: np.array([0, 2, 1]).astype('int32'), config: { velocity: v.T, lr: 0.1 } };
    const back = fromWire(v8.deserialize(v8.serialize(toWire(value)))) as typeof value;
    expect(back.y.dtype).toBe('int32');
    expect(back.config.velocity.shape).toEqual([3, 2]);
    expect(Array.from(back.config.velocity.toTypedArray())).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('refuses what is not plain data, naming its path', () => {
    expect(() => toWire({ config: { step: () => 1 } })).toThrow(/config\.step: cannot pass a function/);
    expect(() => toWire({ config: { when: new Date(0) } })).toThrow(/config\.when: a Date cannot be passed/);
    expect(() => toWire({ tag: Symbol('s') })).toThrow(/tag: cannot pass a symbol/);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => toWire(cycle)).toThrow(/nested too deeply/);
  });
});
