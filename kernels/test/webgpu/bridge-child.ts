/**
 * The GPU side of the bridge test, in a child process (Dawn picks its Vulkan driver from the
 * environment at start): owns the device, serves the bridge on a MessageChannel, and runs the
 * blocking client in a worker thread. Prints one JSON line after REPORT_MARKER.
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import { serveGpuBridge } from '../../src/backend/webgpu/bridge/index.ts';
import { describeAdapter } from '../../src/backend/webgpu/index.ts';
import { nodeBackend } from './node-backend.ts';

const REPORT_MARKER = '@@bridge-report@@';

async function main(): Promise<unknown> {
  const got = await nodeBackend();
  if ('unavailable' in got) return got;
  const { backend } = got;
  const channel = new MessageChannel();
  const silent = new MessageChannel();
  // a worker_threads port delivers the message itself to `on`; the host wants a browser-style event
  serveGpuBridge(
    { addEventListener: (_type, listener) => channel.port1.on('message', (data) => listener({ data })) },
    backend,
  );
  const worker = new Worker(new URL('./bridge-thread-entry.mjs', import.meta.url), {
    workerData: {
      module: new URL('./bridge-client-thread.ts', import.meta.url).href,
      port: channel.port2,
      silentPort: silent.port2,
    },
    transferList: [channel.port2, silent.port2],
  });
  const result = await new Promise<unknown>((resolve, reject) => {
    worker.on('message', (message: { type: string; result?: unknown }) => {
      if (message.type === 'lose-device') backend.device.destroy();
      else resolve(message.result);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the client thread exited with ${code}`)));
  });
  return { adapter: describeAdapter(backend.adapter), result };
}

const report = await main().catch((error: unknown) => ({ crashed: String(error) }));
process.stdout.write(`${REPORT_MARKER}${JSON.stringify(report)}\n`, () => process.exit(0));
