/** The checking side: vitest tests over a SuiteReport produced in Node or in Chromium. */
import { expect, it } from 'vitest';
import { matmulJs, reduceJs, unaryJs } from '../../src/backend/js/kernels.ts';
import { cases, firstMismatch, referenceOf } from './cases.ts';
import { chainInputs, fromBase64, type SuiteReport } from './suite.ts';

/** What a runner (Node child or page) sends back. */
export type RunnerResult =
  | { report: SuiteReport; logs: string[] }
  | { unavailable: string }
  | { crashed: string };

/** Registers one test per case plus the API checks; call inside a describe. */
export function conformanceTests(getReport: () => SuiteReport): void {
  it('reports the adapter', () => {
    const { adapter } = getReport();
    expect(typeof adapter.isFallbackAdapter).toBe('boolean');
    expect(typeof adapter.vendor).toBe('string');
  });

  for (const c of cases) {
    it(`${c.name} matches the js reference`, () => {
      const output = getReport().outputs[c.name];
      if (!output) throw new Error(`${c.name}: the runner returned no output`);
      if ('error' in output) throw new Error(`${c.name}: the GPU run threw ${output.error}`);
      const { expected, tolerance } = referenceOf(c);
      expect(firstMismatch(c.name, fromBase64(output.base64), expected, tolerance)).toBeNull();
    });
  }

  it('runs a batched chain with one submit per read and no per-op round trip', () => {
    const { chain } = getReport().checks;
    const { x, w1, w2 } = chainInputs();
    const h = new Float64Array(8 * 16);
    matmulJs({ a: x, b: w1, out: h, m: 8, k: 20, n: 16 });
    unaryJs({ op: 'relu', x: h, out: h });
    const y = new Float64Array(8 * 3);
    matmulJs({ a: h, b: w2, out: y, m: 8, k: 16, n: 3 });
    const sums = new Float64Array(3);
    reduceJs({ op: 'sum', x: y, out: sums, outer: 1, size: 8, inner: 3 });
    // Two chained k-term products: a loose bound, 1e-5 relative to the largest |value|.
    const close = (name: string, got: Float32Array, want: Float64Array) => {
      const scale = Math.max(...want.map(Math.abs), 1);
      expect(
        firstMismatch(
          name,
          got,
          want,
          want.map(() => 1e-5 * scale),
        ),
      ).toBeNull();
    };
    close('chain y', fromBase64(chain.y), y);
    close('chain sums', fromBase64(chain.sums), sums);
    expect(chain.dispatches).toBe(4);
    expect(chain.submits).toBe(2); // one per read: the 4 kernels went out with the first
  });

  it('creates each pipeline once', () => {
    expect(getReport().checks.pipelinesAddedOnRepeat).toBe(0);
  });

  it('leaks no buffers over 1,100 ops', () => {
    const { leak } = getReport().checks;
    expect(leak.after).toBe(leak.before);
  });

  it('returns empty outputs without dispatching', () => {
    expect(getReport().checks.emptyDispatches).toBe(0);
  });

  it('rejects bad argument lengths with messages that name the argument', () => {
    expect(getReport().checks.badArguments).toEqual([
      'RangeError: matmul: b must have 9 elements for these sizes, got 6',
      'RangeError: add: b must have 3 elements for these sizes, got 4',
      'RangeError: reduce.sum: x must have 4 elements for these sizes, got 5',
    ]);
  });

  it('saw no WebGPU validation errors', () => {
    expect(getReport().checks.stats.errors).toBe(0);
  });
}

export function reportOrThrow(result: RunnerResult | null): SuiteReport {
  if (result && 'report' in result) return result.report;
  throw new Error(`no report: ${JSON.stringify(result)}`);
}
