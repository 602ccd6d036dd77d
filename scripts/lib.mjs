// Shared steps of the README's two commands (`npm start`, `npm test`). Plain Node, no
// dependencies: these run before `npm install` has happened on a fresh clone.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The environment every step runs with: no telemetry, isolated-vm's Node flag, the database. */
export function baseEnv(extra = {}) {
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    TURBO_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--no-node-snapshot'].filter(Boolean).join(' '),
    DATABASE_URL: process.env.DATABASE_URL ?? `file:${path.join(root, 'data', 'gradlab.db')}`,
    ...extra,
  };
}

export function step(title) {
  console.log(`\n\u001b[1m==> ${title}\u001b[0m`);
}

/** Runs a command to completion with inherited output; exits the process when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: baseEnv(), ...options });
  if (result.error) {
    console.error(`gradlab: could not run ${command}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(
      `gradlab: "${[command, ...args].join(' ')}" failed (exit ${result.status ?? result.signal})`,
    );
    process.exit(result.status ?? 1);
  }
}

/** Runs a long-lived command in the foreground, forwarding Ctrl-C, and exits with its code. */
export function exec(command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: baseEnv(), ...options });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/**
 * Installs the workspace's dependencies when they are missing or the lock file changed since
 * the last install (a hash of package-lock.json is kept in node_modules). `npm ci` gives
 * exactly the locked versions; native addons (isolated-vm, better-sqlite3) compile from
 * source, which takes a few minutes the first time.
 */
export function ensureDependencies() {
  const stamp = path.join(root, 'node_modules', '.gradlab-lock-hash');
  const lockHash = createHash('sha256')
    .update(fs.readFileSync(path.join(root, 'package-lock.json')))
    .digest('hex');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === lockHash) {
    step('dependencies are installed');
    return;
  }
  step('installing dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  fs.writeFileSync(stamp, lockHash);
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 9)) {
    console.error(`gradlab needs Node.js 20.9 or newer; this is ${process.version}.`);
    process.exit(1);
  }
}
