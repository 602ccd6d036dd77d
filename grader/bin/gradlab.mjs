#!/usr/bin/env node
// The `gradlab` command: runs the TypeScript CLI with the flags isolated-vm needs on Node 20
// (--no-node-snapshot) and tsx as the TypeScript loader. Builds the generated sources (the
// engine's WASM module, the sandbox's guest script) first if a fresh checkout lacks them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const tsx = import.meta.resolve('tsx');

// `gradlab admin ...` works on the database (prisma/src/admin.ts), not on exercises.
if (process.argv[2] === 'admin') {
  const admin = here('../../prisma/src/admin.ts');
  const result = spawnSync(process.execPath, ['--import', tsx, admin, ...process.argv.slice(3)], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
const builds = [
  [here('../../kernels/generated/wasm-binary.ts'), here('../../kernels/scripts/build-wasm.mjs')],
  [here('../generated/guest-code.ts'), here('../scripts/build-guest.mjs')],
];
for (const [output, script] of builds) {
  if (existsSync(output)) continue;
  const built = spawnSync(process.execPath, [script], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const cli = here('../src/cli.ts');
const child = spawn(
  process.execPath,
  ['--no-node-snapshot', '--import', tsx, cli, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
// `gradlab worker` stops gracefully on SIGTERM: the signal goes to the CLI's process.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
