import { defineConfig } from 'vitest/config';

// isolated-vm 5 needs Node started with --no-node-snapshot. The package's test script sets it in
// NODE_OPTIONS; the forks pool passes it to the workers too, so `npx vitest` alone also works.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    execArgv: ['--no-node-snapshot'],
  },
});
