/**
 * Kernel benchmark: gradlab's wasm kernels side by side with the js reference, naive JS, and
 * TensorFlow.js (tfjs-backend-wasm single-threaded SIMD, tfjs-backend-cpu), all in one run.
 *
 *   npm run bench -w @gradlab/kernels              a table
 *   npm run bench -w @gradlab/kernels -- --json    a JSON array of { case, impl, medianMs, gflops }
 *   npm run bench -w @gradlab/kernels -- --quick   shorter budgets, no naive 1024 matmul
 *   npm run bench -w @gradlab/kernels -- --case conv2d --impl gradlab-wasm,tfjs-wasm
 *                                                  only cases whose name contains "conv2d", only those impls
 *
 * Fairness: every impl gets the same values. TF's NHWC / HWIO layouts are made in the set-up,
 * outside any timed region. gradlab's timed region is one kernel call, which includes copying
 * the operands into wasm memory and the result out. TF's timed region is the op plus dataSync()
 * (the synchronous read of the result), then the result tensor is disposed.
 */

import { conv2dJs, matmulJs, pool2dJs } from '../src/backend/js/kernels.ts';
import type { FloatArray } from '../src/backend/kernel-types.ts';
import { conv2dWasm, matmulWasm, pool2dWasm, wasmAvailable } from '../src/backend/wasm/index.ts';
import { randomArray } from '../test/conformance/cases.ts';
import { matmulNaiveIkj } from './naive.ts';
import { setUpPeers, type TfBackend, tf, useBackend } from './peers.ts';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const quick = argv.includes('--quick');
const budgetMs = quick ? 300 : 1200;
/** The value after `flag` on the command line (`--flag value` or `--flag=value`). */
function option(flag: string): string | undefined {
  const i = argv.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
  if (i < 0) return undefined;
  const arg = argv[i] as string;
  return arg.includes('=') ? arg.slice(flag.length + 1) : argv[i + 1];
}
const caseFilter = option('--case');
const implFilter = option('--impl')?.split(',');

interface Impl {
  impl: string;
  /** Runs once before timing; returns the timed function. */
  setUp(): Promise<() => void> | (() => void);
  tearDown?(): void;
}
interface BenchCase {
  name: string;
  /** Floating-point operations (for pooling: window elements visited). */
  flops: number;
  impls: Impl[];
}
export interface BenchResult {
  case: string;
  impl: string;
  medianMs: number;
  gflops: number;
  runs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Warm-up (1 run, 3 when fast), then timed runs until the budget is spent (>= 3 runs, or 1 when a run takes > 1 s). */
function measure(fn: () => void): { medianMs: number; runs: number } {
  let t = performance.now();
  fn();
  const first = performance.now() - t;
  if (first < 50) {
    fn();
    fn();
  }
  const minRuns = first > 1000 ? 1 : 3;
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || (performance.now() - start < budgetMs && times.length < 200)) {
    t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return { medianMs: median(times), runs: times.length };
}

function tfImpl(backend: TfBackend, build: () => tf.Tensor[], op: (inputs: tf.Tensor[]) => tf.Tensor): Impl {
  let inputs: tf.Tensor[] = [];
  return {
    impl: `tfjs-${backend}`,
    async setUp() {
      await useBackend(backend);
      inputs = build();
      return () => {
        const result = op(inputs);
        result.dataSync();
        result.dispose();
      };
    },
    tearDown() {
      for (const t of inputs) t.dispose();
    },
  };
}

function matmulCase(size: number, f32: boolean, includeTf: boolean, includeSlow: boolean): BenchCase {
  const dtype = f32 ? 'float32' : 'float64';
  const a = randomArray(dtype, size * size, 1);
  const b = randomArray(dtype, size * size, 2);
  const out = f32 ? new Float32Array(size * size) : new Float64Array(size * size);
  const args = { a, b, out, m: size, k: size, n: size };
  const impls: Impl[] = [
    { impl: 'gradlab-wasm', setUp: () => () => matmulWasm(args) },
    ...(includeSlow
      ? [
          { impl: 'gradlab-js', setUp: () => () => matmulJs(args) },
          { impl: 'naive-js (ikj)', setUp: () => () => matmulNaiveIkj(a, b, out, size, size, size) },
        ]
      : []),
  ];
  if (includeTf) {
    for (const backend of ['wasm', 'cpu'] as const) {
      impls.push(
        tfImpl(
          backend,
          () => [tf.tensor2d(a as Float32Array, [size, size]), tf.tensor2d(b as Float32Array, [size, size])],
          ([x, y]) => tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D),
        ),
      );
    }
  }
  return { name: `matmul ${dtype} ${size}x${size}x${size}`, flops: 2 * size ** 3, impls };
}

/** NCHW -> NHWC */
function toNhwc(x: FloatArray, n: number, c: number, h: number, w: number): Float32Array {
  const y = new Float32Array(x.length);
  for (let b = 0; b < n; b++)
    for (let ci = 0; ci < c; ci++)
      for (let i = 0; i < h * w; i++) y[(b * h * w + i) * c + ci] = x[(b * c + ci) * h * w + i] as number;
  return y;
}

/** (F, C, kH, kW) -> (kH, kW, C, F) */
function toHwio(w: FloatArray, f: number, c: number, kh: number, kw: number): Float32Array {
  const y = new Float32Array(w.length);
  for (let fo = 0; fo < f; fo++)
    for (let ci = 0; ci < c; ci++)
      for (let i = 0; i < kh * kw; i++) y[(i * c + ci) * f + fo] = w[(fo * c + ci) * kh * kw + i] as number;
  return y;
}

function convCase(n: number, h: number, c: number, f: number, k: number): BenchCase {
  const pad = (k - 1) / 2;
  const x = randomArray('float32', n * c * h * h, 3);
  const w = randomArray('float32', f * c * k * k, 4);
  const bias = randomArray('float32', f, 5);
  const out = new Float32Array(n * f * h * h);
  const args = { x, w, bias, out, n, c, h, wIn: h, f, kh: k, kw: k, stride: 1, pad, outH: h, outW: h };
  const impls: Impl[] = [
    { impl: 'gradlab-wasm', setUp: () => () => conv2dWasm(args) },
    { impl: 'gradlab-js', setUp: () => () => conv2dJs(args) },
  ];
  for (const backend of ['wasm', 'cpu'] as const) {
    impls.push(
      tfImpl(
        backend,
        () => [
          tf.tensor4d(toNhwc(x, n, c, h, h), [n, h, h, c]),
          tf.tensor4d(toHwio(w, f, c, k, k), [k, k, c, f]),
          tf.tensor1d(bias as Float32Array),
        ],
        ([xt, wt, bt]) =>
          tf.fused.conv2d({
            x: xt as tf.Tensor4D,
            filter: wt as tf.Tensor4D,
            strides: 1,
            pad: 'same',
            bias: bt as tf.Tensor1D,
          }),
      ),
    );
  }
  return {
    name: `conv2d f32 ${n}x${h}x${h}x${c} * ${f} ${k}x${k} same +bias`,
    flops: 2 * n * f * h * h * c * k * k,
    impls,
  };
}

function poolCase(n: number, c: number, h: number): BenchCase {
  const x = randomArray('float32', n * c * h * h, 6);
  const o = h / 2;
  const out = new Float32Array(n * c * o * o);
  const args = { kind: 'max' as const, x, out, n, c, h, w: h, kh: 2, kw: 2, stride: 2, outH: o, outW: o };
  const impls: Impl[] = [
    { impl: 'gradlab-wasm', setUp: () => () => pool2dWasm(args) },
    { impl: 'gradlab-js', setUp: () => () => pool2dJs(args) },
  ];
  for (const backend of ['wasm', 'cpu'] as const) {
    impls.push(
      tfImpl(
        backend,
        () => [tf.tensor4d(toNhwc(x, n, c, h, h), [n, h, h, c])],
        ([xt]) => tf.maxPool(xt as tf.Tensor4D, 2, 2, 'valid'),
      ),
    );
  }
  return { name: `maxpool f32 2x2/2 NCHW ${n}x${c}x${h}x${h}`, flops: n * c * h * h, impls };
}

async function main(): Promise<void> {
  if (!wasmAvailable())
    throw new Error('the gradlab wasm kernels cannot run here (build them: npm run build)');
  const peers = await setUpPeers();
  const cases: BenchCase[] = [
    ...[128, 256, 512, 1024].map((s) => matmulCase(s, true, true, !(quick && s === 1024))),
    ...[256, 512].map((s) => matmulCase(s, false, false, true)),
    convCase(1, 32, 3, 16, 3),
    convCase(8, 32, 64, 64, 3),
    poolCase(8, 64, 32),
  ];
  const results: BenchResult[] = [];
  for (const c of cases) {
    if (caseFilter && !c.name.includes(caseFilter)) continue;
    for (const impl of c.impls) {
      if (implFilter && !implFilter.includes(impl.impl)) continue;
      const fn = await impl.setUp();
      const { medianMs, runs } = measure(fn);
      impl.tearDown?.();
      const result = { case: c.name, impl: impl.impl, medianMs, gflops: c.flops / (medianMs * 1e6), runs };
      results.push(result);
      if (!json) process.stderr.write(`  ${c.name} / ${impl.impl}: ${medianMs.toFixed(3)} ms\n`);
    }
  }
  if (json) {
    console.log(
      JSON.stringify(
        results.map(({ runs: _runs, ...r }) => r),
        null,
        2,
      ),
    );
    return;
  }
  const rows = results.map((r) => {
    const wasm = results.find((q) => q.case === r.case && q.impl === 'gradlab-wasm');
    return [
      r.case,
      r.impl,
      r.medianMs.toFixed(3),
      r.gflops.toFixed(2),
      wasm ? `${(r.medianMs / wasm.medianMs).toFixed(2)}x` : '',
      String(r.runs),
    ];
  });
  const header = ['case', 'impl', 'median ms', 'GFLOP/s', 'time / gradlab-wasm', 'runs'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log(
    [
      '',
      `tfjs-backend-wasm: ${peers.wasmThreads} thread(s), SIMD ${peers.wasmSimd ? 'on' : 'off'}; tfjs-core ${tf.version_core}.`,
      'Timed regions: gradlab = one kernel call (includes copying operands into wasm memory and the result out);',
      'tfjs = the op plus dataSync() (the synchronous read of the result) and dispose. NCHW -> NHWC / HWIO conversion',
      'for tfjs happens in set-up, untimed. gradlab-js is the float64-arithmetic reference (i-j-p loop, no blocking).',
      'Pooling "GFLOP/s" counts input elements visited (one max each). Medians after warm-up; other processes may share the CPUs.',
    ].join('\n'),
  );
}

await main();
