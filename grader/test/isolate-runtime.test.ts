import ivm from 'isolated-vm';
import { describe, expect, it } from 'vitest';

// The runtime facts the sandbox is built on (shared/STACK.md): isolated-vm 5.0.4 loads under
// `--no-node-snapshot`, a timeout stops an endless loop and leaves the isolate usable, and
// synchronous WebAssembly instantiation works inside an isolate.
describe('isolated-vm runtime', () => {
  it('runs with --no-node-snapshot', () => {
    expect(process.execArgv.join(' ') + (process.env.NODE_OPTIONS ?? '')).toContain('--no-node-snapshot');
  });

  it('evaluates code in a fresh isolate without host globals', () => {
    const isolate = new ivm.Isolate({ memoryLimit: 32 });
    try {
      const context = isolate.createContextSync();
      expect(context.evalSync('typeof process + typeof require + typeof setTimeout')).toBe(
        'undefinedundefinedundefined',
      );
      expect(context.evalSync('[1, 2, 3].map((x) => x * x).join()')).toBe('1,4,9');
    } finally {
      isolate.dispose();
    }
  });

  it('stops an endless loop by timeout and stays usable', () => {
    const isolate = new ivm.Isolate({ memoryLimit: 32 });
    try {
      const context = isolate.createContextSync();
      expect(() => context.evalSync('while (true) {}', { timeout: 50 })).toThrow(/timed out/i);
      expect(context.evalSync('6 * 7')).toBe(42);
    } finally {
      isolate.dispose();
    }
  });

  it('instantiates WebAssembly synchronously inside the isolate', () => {
    const isolate = new ivm.Isolate({ memoryLimit: 32 });
    try {
      const context = isolate.createContextSync();
      // (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
      const bytes = [
        0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127, 3, 2, 1, 0, 7, 7, 1, 3, 97, 100, 100,
        0, 0, 10, 9, 1, 7, 0, 32, 0, 32, 1, 106, 11,
      ];
      const code = `new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([${bytes}]))).exports.add(40, 2)`;
      expect(context.evalSync(code)).toBe(42);
    } finally {
      isolate.dispose();
    }
  });
});
