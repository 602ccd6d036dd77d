/**
 * The lab benchmark in Node, for machines with a GPU and no browser (bundled and started by
 * lab-node.mjs). The lab's trainer with the learner-interface layers (the reference solutions)
 * trains cases (a) and (b) on the WebAssembly engine and on the WebGPU engine: the same bridge
 * the lab uses (a blocking worker thread hands matmul and convolution to the thread that owns
 * a Dawn device, through shared memory). Prints steps per second, the GPU calls per step and
 * what one costs, and how far the first losses of the two engines are apart.
 */
import { fileURLToPath } from 'node:url';
import { isMainThread, MessageChannel, type MessagePort, Worker, workerData } from 'node:worker_threads';
import {
  createWebGpuBackend,
  describeAdapter,
  GpuBridgeClient,
  registerWebGpuBridge,
  serveGpuBridge,
  setBackend,
  setStorageSlabs,
  stackBackend,
} from '@gradlab/kernels';
// Node only: Dawn's `webgpu` package (not part of the engine's index)
import { createNodeGpu, rerunOnSwiftShader } from '../../../kernels/src/backend/webgpu/node-gpu.ts';
import { makeDataset } from '../lib/lab/datasets.ts';
import { Trainer } from '../lib/lab/train.ts';
import { cnn, learnerModules, mlp, time } from './lab-cases.ts';

declare const MODULES: Record<string, string>;

interface Options {
  seconds: number;
  runs: number;
}

interface Row {
  case: 'a' | 'b';
  engine: 'WebAssembly' | 'WebGPU';
  rates: number[];
  /** GPU calls per step and the mean wait for one, ms (WebGPU) */
  callsPerStep: number;
  msPerCall: number;
}

interface Report {
  rows: Row[];
  /** per case: the largest |loss on WebGPU - loss on WebAssembly| over the first 10 steps of one seed */
  agreement: Record<string, number>;
}

const AGREEMENT_STEPS = 10;

/** The blocking side: trains both cases on both engines, in this worker thread. */
function trainAll({ seconds, runs }: Options, port: MessagePort): Report {
  if (!setBackend('wasm')) throw new Error('the wasm kernels are not available');
  setStorageSlabs(true); // as the lab's worker does
  const modules = learnerModules(MODULES);
  const client = new GpuBridgeClient(port, { timeoutMs: 120_000 });
  registerWebGpuBridge(client);
  const rows: Row[] = [];
  const agreement: Record<string, number> = {};
  for (const [which, setup] of [
    ['a', mlp],
    ['b', cnn],
  ] as const) {
    const data = makeDataset(setup);
    const losses: Record<string, number[]> = {};
    for (const engine of ['WebAssembly', 'WebGPU'] as const) {
      stackBackend(engine === 'WebGPU' ? 'webgpu' : null);
      const first = new Trainer(setup, data, modules);
      losses[engine] = Array.from({ length: AGREEMENT_STEPS }, () => first.trainStep().loss);
      const rates: number[] = [];
      const before = { ...client.stats };
      let steps = 0;
      for (let r = 0; r < runs; r++) {
        const trainer = new Trainer(setup, data, modules);
        const result = time(() => trainer.trainStep().loss, seconds * 1000);
        rates.push(result.stepsPerSecond);
        steps += result.steps + 5; // time() warms up with 5 steps
      }
      const calls = client.stats.calls - before.calls;
      rows.push({
        case: which,
        engine,
        rates,
        callsPerStep: calls / steps,
        msPerCall: calls > 0 ? (client.stats.waitMs - before.waitMs) / calls : 0,
      });
    }
    const [cpu = [], gpu = []] = [losses.WebAssembly, losses.WebGPU];
    agreement[which] = Math.max(...cpu.map((loss, i) => Math.abs(loss - (gpu[i] ?? Number.NaN))));
  }
  stackBackend(null);
  return { rows, agreement };
}

function parse(argv: string[]): Options {
  const options: Options = { seconds: 3, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    const value = Number(argv[i + 1]);
    if (argv[i] === '--seconds' && value > 0) options.seconds = value;
    else if (argv[i] === '--runs' && value >= 1) options.runs = Math.floor(value);
    else throw new Error(`unknown argument ${argv[i]}; use --seconds S, --runs N`);
    i++;
  }
  return options;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The device's side: owns the GPU, serves the bridge, starts the trainer thread, prints. */
async function main(): Promise<number> {
  const options = parse(process.argv.slice(2));
  const { gpu, reason } = await createNodeGpu();
  const logs: string[] = [];
  const backend = gpu ? await createWebGpuBackend({ gpu, log: (msg) => logs.push(msg) }) : null;
  if (!backend) {
    // Dawn reads the Vulkan driver from the environment at start: try chromium's SwiftShader once
    const rerun = rerunOnSwiftShader(fileURLToPath(import.meta.url));
    if (rerun !== null) return rerun;
    console.log(`No WebGPU adapter: ${reason || logs.join(' ')}`);
    return 1;
  }
  const channel = new MessageChannel();
  // a worker_threads port hands the message itself to `on`; the host expects a browser-style event
  serveGpuBridge(
    { addEventListener: (_type, listener) => channel.port1.on('message', (data) => listener({ data })) },
    backend,
  );
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { options, port: channel.port2 },
    transferList: [channel.port2],
  });
  const report = await new Promise<Report | { error: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  if ('error' in report) throw new Error(report.error);
  console.log(
    `Lab benchmark in Node ${process.version}, adapter: ${describeAdapter(backend.adapter)}; ${options.runs} runs of ${options.seconds} s`,
  );
  console.log(
    'case'.padEnd(6),
    'engine'.padEnd(12),
    'steps/s (each run)'.padEnd(26),
    'median'.padEnd(8),
    'GPU calls/step',
    'ms/call',
  );
  for (const row of report.rows)
    console.log(
      row.case.padEnd(6),
      row.engine.padEnd(12),
      row.rates
        .map((v) => v.toFixed(1))
        .join(', ')
        .padEnd(26),
      median(row.rates).toFixed(1).padEnd(8),
      row.engine === 'WebGPU' ? row.callsPerStep.toFixed(1).padEnd(14) : '-'.padEnd(14),
      row.engine === 'WebGPU' ? row.msPerCall.toFixed(3) : '-',
    );
  for (const [which, gap] of Object.entries(report.agreement))
    console.log(
      `case ${which}: the first ${AGREEMENT_STEPS} losses on WebGPU (float32 products) and WebAssembly (float64) differ by at most ${gap.toExponential(2)}`,
    );
  return 0;
}

if (isMainThread) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  const { options, port } = workerData as { options: Options; port: MessagePort };
  const { parentPort } = await import('node:worker_threads');
  try {
    parentPort?.postMessage(trainAll(options, port));
  } catch (error) {
    parentPort?.postMessage({
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
}
