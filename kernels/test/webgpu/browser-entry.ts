/** Bundled by esbuild into the Chromium test page: exposes the suite on `window`. */
import { createWebGpuBackend } from '../../src/backend/webgpu/index.ts';
import { runSuite } from './suite.ts';

async function run(): Promise<unknown> {
  const logs: string[] = [];
  const backend = await createWebGpuBackend({ log: (msg) => logs.push(msg) });
  if (!backend) return { unavailable: logs.join(' ') };
  try {
    return { report: await runSuite(backend), logs };
  } finally {
    backend.destroy();
  }
}

(globalThis as { gradlabWebGpuSuite?: () => Promise<unknown> }).gradlabWebGpuSuite = run;
