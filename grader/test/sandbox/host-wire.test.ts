import { describe, expect, it } from 'vitest';
import { decodeOutput, MalformedOutputError } from '../../src/sandbox/host-wire.ts';
import { ArrayValue, GuestHandle } from '../../src/sandbox/types.ts';

const context = {
  maxDepth: 8,
  maxBytes: 1024,
  makeHandle: (id: number, kind: string) => new GuestHandle(1, id, kind),
};
const decode = (value: unknown) => decodeOutput(value as never, context);

describe('decodeOutput (validation of everything the guest sends)', () => {
  it('decodes arrays, lists, records and handles', () => {
    const value = decode({
      t: 'rec',
      entries: [
        ['out', { t: 'nd', shape: [2], dtype: 'float64', data: new Float64Array([1, 2]) }],
        ['cache', { t: 'ref', id: 3, kind: 'object' }],
        ['__proto__', { t: 'list', items: [1, 'a', null] }],
      ],
    }) as Record<string, unknown>;
    expect(value.out).toBeInstanceOf(ArrayValue);
    expect(value.cache).toBeInstanceOf(GuestHandle);
    expect(Object.getPrototypeOf(value)).toBe(null);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual([1, 'a', null]);
    expect(({} as Record<string, unknown>).out).toBeUndefined();
  });

  it.each([
    ['negative dim', { t: 'nd', shape: [-1], dtype: 'float64', data: new Float64Array(0) }],
    ['fractional dim', { t: 'nd', shape: [1.5], dtype: 'float64', data: new Float64Array(1) }],
    ['length mismatch', { t: 'nd', shape: [3], dtype: 'float64', data: new Float64Array(2) }],
    ['unknown dtype', { t: 'nd', shape: [1], dtype: 'complex128', data: new Float64Array(1) }],
    ['data not float64', { t: 'nd', shape: [1], dtype: 'float64', data: [1] }],
    ['unknown tag', { t: 'fn' }],
    ['bad handle id', { t: 'ref', id: -1, kind: 'x' }],
    ['too deep', JSON.parse(`${'{"t":"list","items":['.repeat(20)}1${']}'.repeat(20)}`)],
    ['too large', 'x'.repeat(5000)],
    ['non-plain object', new Map()],
  ])('rejects %s', (_, value) => {
    expect(() => decode(value)).toThrow(MalformedOutputError);
  });
});
