/**
 * Runs the WebGPU suite in this Node process with the `webgpu` package (Dawn) and prints the
 * report as one JSON line after REPORT_MARKER. Spawned by node.test.ts, because the Vulkan
 * driver must be chosen through the environment before the process starts.
 */
import { nodeBackend } from './node-backend.ts';
import { runSuite } from './suite.ts';

export const REPORT_MARKER = '@@webgpu-report@@';

async function main(): Promise<unknown> {
  const got = await nodeBackend();
  if ('unavailable' in got) return got;
  const { backend, logs } = got;
  try {
    return { report: await runSuite(backend), logs };
  } finally {
    backend.destroy();
  }
}

const result = await main().catch((error: unknown) => ({ crashed: String(error) }));
// Exit explicitly: a live Dawn instance keeps Node running.
process.stdout.write(`${REPORT_MARKER}${JSON.stringify(result)}\n`, () => process.exit(0));
