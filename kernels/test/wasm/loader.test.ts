import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wasmBase64 } from '../../generated/wasm-binary.ts';
import { decodeBase64, decodeBase64Plain } from '../../src/backend/wasm/base64.ts';
import { wasmAvailable } from '../../src/backend/wasm/index.ts';

describe('wasm loader', () => {
  it('decodes base64 without Buffer exactly as Buffer does', () => {
    const reference = new Uint8Array(Buffer.from(wasmBase64, 'base64'));
    expect(decodeBase64Plain(wasmBase64)).toEqual(reference);
    expect(decodeBase64(wasmBase64)).toEqual(reference);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        expect(decodeBase64Plain(text)).toEqual(bytes);
      }),
    );
  });

  it('names the bad character of invalid base64', () => {
    expect(() => decodeBase64Plain('AB$D')).toThrow(/invalid character "\$" at index 2/);
  });

  it('instantiates synchronously in a fresh context without Buffer or atob', () => {
    const bytes = decodeBase64Plain(wasmBase64);
    const base = runInNewContext(
      `typeof Buffer === 'undefined' && typeof atob === 'undefined'
         ? new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports.heapBase()
         : -1`,
      { bytes },
    );
    expect(base).toBeGreaterThan(0);
  });

  it('reports the backend available on Node 20 (SIMD128 is on by default)', () => {
    expect(wasmAvailable()).toBe(true);
  });
});
