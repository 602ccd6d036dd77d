#!/usr/bin/env node
// The `gradlab` command: runs the TypeScript CLI with the flags isolated-vm needs on Node 20
// (--no-node-snapshot) and tsx as the TypeScript loader.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');
const result = spawnSync(
  process.execPath,
  ['--no-node-snapshot', '--import', tsx, cli, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
