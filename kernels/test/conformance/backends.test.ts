/**
 * Runs the conformance case table against every registered backend except the `js` reference,
 * for each dtype the backend's kernel accepts.
 */
import { describe, expect, it } from 'vitest';
import type { BackendName, KernelName, KernelSignatures } from '../../src/backend/kernel-types.ts';
import { backendsFor, getKernel } from '../../src/backend/registry.ts';
import { registerWasmBackend } from '../../src/backend/wasm/index.ts';
import { compareOutputs, conformanceCases, dtypes, prepareCase } from './cases.ts';

registerWasmBackend();

const kernelNames: KernelName[] = ['matmul', 'conv2d', 'pool2d', 'unary', 'binary', 'reduce'];
const backends = [...new Set(kernelNames.flatMap(backendsFor))].filter((b): b is BackendName => b !== 'js');

describe('conformance', () => {
  it('has at least one backend besides js to check', () => {
    expect(backends.length).toBeGreaterThan(0);
  });

  describe.each(backends)('%s backend', (backend) => {
    describe.each(dtypes)('%s', (dtype) => {
      const cases = conformanceCases.filter((c) => getKernel(c.kernel, backend)?.dtypes.includes(dtype));
      it.each(cases.map((c) => [prepareCase(c, dtype).name, c] as const))('%s', (_name, c) => {
        const prepared = prepareCase(c, dtype);
        const kernel = getKernel(prepared.kernelName, backend)?.kernelFunc as (
          args: Parameters<KernelSignatures[KernelName]>[0],
        ) => void;
        kernel(prepared.args);
        const failure = compareOutputs(prepared, prepared.args.out);
        expect(failure).toBeUndefined();
      });
    });
  });
});
