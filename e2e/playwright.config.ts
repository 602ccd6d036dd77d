import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { authRateLimit, e2eDatabaseUrl } from './fixtures/site.ts';

const port = Number(process.env.E2E_PORT ?? 3210);
const repoRoot = path.resolve(import.meta.dirname, '..');
/**
 * E2E_GRADING=queue (scripts/run-postgres.ts sets it, with a PostgreSQL E2E_DATABASE_URL): the
 * site grades through the job queue and a `gradlab worker` runs beside it, as when scaled out.
 */
const queue = process.env.E2E_GRADING === 'queue';
const worker = queue ? '(node grader/bin/gradlab.mjs worker --concurrency 2 &) && ' : '';

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium, never a downloaded one. Background networking is refused on these
      // machines, so it is switched off. --enable-unsafe-webgpu gives the lab's WebGPU engine an
      // adapter (SwiftShader, on the CPU, where there is no GPU); pages that do not ask for
      // WebGPU are unaffected.
      executablePath: '/usr/bin/chromium',
      args: [
        '--enable-unsafe-webgpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // Serves the production build made by `turbo run build` (npm test builds first).
    command: `npm run db:setup --silent -w @gradlab/prisma && ${worker}npm run start --silent -w @gradlab/web -- -p ${port}`,
    cwd: repoRoot,
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL: e2eDatabaseUrl,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_OPTIONS: '--no-node-snapshot',
      // The whole suite signs up and in from one address; site-security.spec.ts probes the limit.
      GRADLAB_AUTH_RATE_LIMIT: String(authRateLimit),
      ...(queue ? { GRADLAB_GRADING: 'queue' } : {}),
      ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
    },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
