/**
 * The blocking side of the bridge test, in a worker thread (Atomics.wait blocks it, while the
 * parent's event loop keeps the GPU busy): runs matmul and conv2d through the bridge directly
 * and through np with `webgpu` stacked over `wasm`, the error paths, and a timing per size, and
 * posts everything back as plain numbers for bridge.test.ts to check.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { conv2dJs, matmulJs } from '../../src/backend/js/kernels.ts';
import { stackBackend } from '../../src/backend/registry.ts';
import { matmulWasm, registerWasmBackend } from '../../src/backend/wasm/index.ts';
import { GpuBridgeClient, registerWebGpuBridge } from '../../src/backend/webgpu/bridge/index.ts';
import { setBackend } from '../../src/ndarray/dispatch.ts';
import { np } from '../../src/np.ts';

const { port, silentPort } = workerData as { port: MessagePort; silentPort: MessagePort };

function random(length: number, seed: number): Float64Array {
  let s = seed;
  return Float64Array.from({ length }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  });
}

/** The largest |got - want| over the largest |want|. */
function relativeMax(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let diff = 0;
  let scale = 1e-12;
  for (let i = 0; i < want.length; i++) {
    diff = Math.max(diff, Math.abs((got[i] as number) - (want[i] as number)));
    scale = Math.max(scale, Math.abs(want[i] as number));
  }
  return diff / scale;
}

function message(run: () => void): string {
  try {
    run();
    return 'no error';
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

const client = new GpuBridgeClient(port, { timeoutMs: 20_000 });
const result: Record<string, unknown> = {};

// matmul, float64 in and out (converted), and float32
const [m, k, n] = [37, 70, 45];
const a = random(m * k, 1);
const b = random(k * n, 2);
const want = new Float64Array(m * n);
matmulJs({ a, b, out: want, m, k, n });
const got64 = new Float64Array(m * n);
client.run({ kernel: 'matmul', m, k, n }, [a, b], got64);
result.matmul64 = relativeMax(got64, want);
const got32 = new Float32Array(m * n);
client.run({ kernel: 'matmul', m, k, n }, [Float32Array.from(a), Float32Array.from(b)], got32);
result.matmul32 = relativeMax(got32, want);

// conv2d with bias, stride 2, padding 1
const dims = { n: 2, c: 3, h: 9, wIn: 8, f: 4, kh: 3, kw: 3, stride: 2, pad: 1, outH: 5, outW: 4 };
const x = random(dims.n * dims.c * dims.h * dims.wIn, 3);
const w = random(dims.f * dims.c * dims.kh * dims.kw, 4);
const bias = random(dims.f, 5);
const convWant = new Float64Array(dims.n * dims.f * dims.outH * dims.outW);
conv2dJs({ x, w, bias, out: convWant, ...dims });
const convGot = new Float64Array(convWant.length);
client.run({ kernel: 'conv2d', bias: true, ...dims }, [x, w, bias], convGot);
result.conv2d = relativeMax(convGot, convWant);

// a large product grows the shared buffer
const big = [300, 400, 200] as const;
const bigA = random(big[0] * big[1], 6);
const bigB = random(big[1] * big[2], 7);
const bigWant = new Float64Array(big[0] * big[2]);
matmulJs({ a: bigA, b: bigB, out: bigWant, m: big[0], k: big[1], n: big[2] });
const bigGot = new Float64Array(bigWant.length);
client.run({ kernel: 'matmul', m: big[0], k: big[1], n: big[2] }, [bigA, bigB], bigGot);
result.matmulBig = relativeMax(bigGot, bigWant);

// through np: webgpu stacked over wasm; small products stay on the CPU (no GPU call)
if (!registerWasmBackend()) throw new Error('the wasm kernels did not load');
setBackend('wasm');
registerWebGpuBridge(client, { minWork: 1 << 16 });
stackBackend('webgpu');
const before = client.stats.calls;
const small = np.dot(np.array(random(20, 8), { dtype: 'float64' }).reshape([4, 5]), np.ones([5, 3]));
const afterSmall = client.stats.calls;
const A = np.array(a).reshape([m, k]);
const B = np.array(b).reshape([k, n]);
const viaNp = np.dot(A, B).toTypedArray() as Float64Array;
result.npMatmul = relativeMax(viaNp, want);
result.npSmallOnGpu = afterSmall - before;
result.npLargeOnGpu = client.stats.calls - afterSmall;
result.npSmallShape = small.shape;
stackBackend(null);

// a kernel error (sizes that do not match the inputs) comes back as an error, the bridge still works
result.kernelError = message(() =>
  client.run(
    { kernel: 'matmul', m: 5, k: 5, n: 5 },
    [new Float64Array(3), new Float64Array(25)],
    new Float64Array(25),
  ),
);
const again = new Float64Array(m * n);
client.run({ kernel: 'matmul', m, k, n }, [a, b], again);
result.afterError = relativeMax(again, want);

// nobody answers: a timeout, not a hang
const silent = new GpuBridgeClient(silentPort, { timeoutMs: 300 });
const started = performance.now();
result.timeout = message(() =>
  silent.run(
    { kernel: 'matmul', m: 2, k: 2, n: 2 },
    [a.subarray(0, 4), b.subarray(0, 4)],
    new Float64Array(4),
  ),
);
result.timeoutMs = performance.now() - started;
result.afterTimeout = message(() =>
  silent.run(
    { kernel: 'matmul', m: 2, k: 2, n: 2 },
    [a.subarray(0, 4), b.subarray(0, 4)],
    new Float64Array(4),
  ),
);

// milliseconds per call: the bridge against the wasm kernel, square products
const timings: { size: number; gpuMs: number; wasmMs: number }[] = [];
for (const size of [16, 64, 128, 256, 512]) {
  const sa = random(size * size, size);
  const sb = random(size * size, size + 1);
  const out = new Float32Array(size * size);
  const fa = Float32Array.from(sa);
  const fb = Float32Array.from(sb);
  const time = (run: () => void) => {
    run();
    const reps = size <= 128 ? 20 : 4;
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) run();
    return (performance.now() - t0) / reps;
  };
  const gpuMs = time(() => client.run({ kernel: 'matmul', m: size, k: size, n: size }, [fa, fb], out));
  const wasmMs = time(() => matmulWasm({ a: fa, b: fb, out, m: size, k: size, n: size }));
  timings.push({ size, gpuMs, wasmMs });
}
result.timings = timings;

// the device is lost: the next call says so
parentPort?.postMessage({ type: 'lose-device' });
await new Promise((resolve) => setTimeout(resolve, 200));
result.deviceLost = message(() => client.run({ kernel: 'matmul', m, k, n }, [a, b], again));

parentPort?.postMessage({ type: 'result', result });
