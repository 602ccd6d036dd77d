/**
 * WebGPU kernel benchmark (f32): matmul 128..1024 and two conv2d layers, on whatever adapter
 * Dawn (the `webgpu` package) finds. Run from kernels/:
 *
 *   npx tsx bench/webgpu.ts [--json] [--quick] [--device-name "label for the report"] [--runs 7] [--warmup 2]
 *
 * --quick runs only matmul 128 and 256 and the small conv2d (software adapters take minutes
 * for the full set). --device-name is a free-form label copied into the report.
 *
 * Timing: inputs are uploaded once, before timing (upload excluded). "kernel" is the median,
 * over runs, of recording `reps` back-to-back dispatches into one command buffer, submitting
 * it and waiting for queue.onSubmittedWorkDone, divided by reps (readback excluded; reps is
 * picked so one run lasts >= ~20 ms, which hides the submit latency on fast GPUs). "with
 * readback" is the median of one dispatch plus copying the output back to the CPU. GFLOP/s
 * counts 2 flops per multiply-add and uses the kernel time.
 *
 * With no adapter in this process and chromium's SwiftShader driver installed, the script
 * re-runs itself with that driver (the Vulkan loader reads its environment at start-up).
 */
import { fileURLToPath } from 'node:url';
import {
  type Conv2dDims,
  createWebGpuBackend,
  describeAdapter,
  type GpuTensor,
  type WebGpuBackend,
} from '../src/backend/webgpu/index.ts';
import { createNodeGpu, rerunOnSwiftShader } from '../src/backend/webgpu/node-gpu.ts';

interface Options {
  json: boolean;
  quick: boolean;
  deviceName: string;
  runs: number;
  warmup: number;
}

interface Result {
  name: string;
  flops: number;
  reps: number;
  runs: number;
  kernelMs: number;
  withReadbackMs: number;
  gflops: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { json: false, quick: false, deviceName: '', runs: 7, warmup: 2 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--device-name') options.deviceName = value();
    else if (arg === '--runs') options.runs = Math.max(1, Number.parseInt(value(), 10));
    else if (arg === '--warmup') options.warmup = Math.max(0, Number.parseInt(value(), 10));
    else
      throw new Error(
        `unknown argument ${arg}; use --json, --quick, --device-name NAME, --runs N, --warmup N`,
      );
  }
  return options;
}

function random(length: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length }, () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Times `record` (one dispatch into `out`) as described in the header. */
async function time(
  gpu: WebGpuBackend,
  name: string,
  flops: number,
  out: GpuTensor,
  record: () => void,
  options: Options,
): Promise<Result> {
  const once = async () => {
    const t0 = performance.now();
    record();
    await gpu.sync();
    return performance.now() - t0;
  };
  await once(); // compiles the pipeline
  const single = await once();
  // Slow (software) adapters: skip the extra warm-up and keep each measurement to ~10 s.
  if (single < 1000) for (let i = 0; i < options.warmup; i++) await once();
  const reps = Math.max(1, Math.min(64, Math.ceil(20 / Math.max(single, 1e-3))));
  const runs = Math.max(1, Math.min(options.runs, Math.floor(10_000 / (single * reps))));

  const kernel: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) record();
    await gpu.sync();
    kernel.push((performance.now() - t0) / reps);
  }
  const readback: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    record();
    await gpu.read(out);
    readback.push(performance.now() - t0);
  }
  const kernelMs = median(kernel);
  return {
    name,
    flops,
    reps,
    runs,
    kernelMs,
    withReadbackMs: median(readback),
    gflops: flops / (kernelMs * 1e6),
  };
}

async function benchMatmul(gpu: WebGpuBackend, size: number, options: Options): Promise<Result> {
  const a = gpu.upload(random(size * size, 1));
  const b = gpu.upload(random(size * size, 2));
  const out = gpu.alloc(size * size);
  const result = await time(
    gpu,
    `matmul ${size}x${size}x${size}`,
    2 * size ** 3,
    out,
    () => gpu.ops.matmul(a, b, size, size, size, out),
    options,
  );
  gpu.release(a, b, out);
  return result;
}

async function benchConv(gpu: WebGpuBackend, dims: Conv2dDims, options: Options): Promise<Result> {
  const { n, c, h, wIn, f, kh, kw, outH, outW } = dims;
  const x = gpu.upload(random(n * c * h * wIn, 3));
  const w = gpu.upload(random(f * c * kh * kw, 4));
  const bias = gpu.upload(random(f, 5));
  const out = gpu.alloc(n * f * outH * outW);
  const name = `conv2d ${n}x${c}x${h}x${wIn}, ${f} ${kh}x${kw} filters, stride ${dims.stride}, pad ${dims.pad}, bias`;
  const flops = 2 * n * f * outH * outW * c * kh * kw;
  const result = await time(gpu, name, flops, out, () => gpu.ops.conv2d(x, w, bias, dims, out), options);
  gpu.release(x, w, bias, out);
  return result;
}

function conv3x3(n: number, c: number, size: number, f: number): Conv2dDims {
  return { n, c, h: size, wIn: size, f, kh: 3, kw: 3, stride: 1, pad: 1, outH: size, outW: size };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const logs: string[] = [];
  const { gpu: nodeGpu, reason } = await createNodeGpu();
  const gpu = nodeGpu ? await createWebGpuBackend({ gpu: nodeGpu, log: (m) => logs.push(m) }) : null;
  if (!gpu) {
    const rerun = rerunOnSwiftShader(fileURLToPath(import.meta.url));
    if (rerun !== null) return rerun;
    console.error(`No WebGPU adapter: ${reason || logs.join(' ')}`);
    return 2;
  }

  const results: Result[] = [];
  if (!options.json) {
    console.log(
      `adapter: ${describeAdapter(gpu.adapter)}${options.deviceName ? `; device: ${options.deviceName}` : ''}`,
    );
    console.log(
      'upload excluded; kernel = GPU time per dispatch without readback; +readback = one dispatch and copy back',
    );
  }
  const report = (r: Result) => {
    results.push(r);
    if (!options.json) {
      console.log(
        `${r.name.padEnd(58)} ${r.kernelMs.toFixed(3).padStart(10)} ms ${r.gflops.toFixed(1).padStart(9)} GFLOP/s   +readback ${r.withReadbackMs.toFixed(3)} ms  (${r.runs} runs x ${r.reps} reps)`,
      );
    }
  };
  for (const size of options.quick ? [128, 256] : [128, 256, 512, 1024]) {
    report(await benchMatmul(gpu, size, options));
  }
  report(await benchConv(gpu, conv3x3(1, 3, 32, 16), options));
  if (!options.quick) report(await benchConv(gpu, conv3x3(8, 64, 32, 64), options));

  if (options.json) {
    const json = {
      adapter: gpu.adapter,
      deviceName: options.deviceName || null,
      timing: {
        upload: 'excluded',
        kernelMs:
          'median over runs of (reps dispatches + submit + onSubmittedWorkDone) / reps; readback excluded',
        withReadbackMs: 'median of one dispatch + copy of the output back to the CPU',
      },
      results,
      errors: gpu.stats().errors,
    };
    console.log(JSON.stringify(json, null, 2));
  }
  const errors = gpu.stats().errors;
  gpu.destroy();
  if (errors > 0) console.error(`${errors} WebGPU errors during the run (see above)`);
  return errors > 0 ? 1 : 0;
}

// Exit explicitly: a live Dawn instance keeps Node running.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
