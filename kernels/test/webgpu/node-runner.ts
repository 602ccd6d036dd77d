/** Shared by the Node WebGPU tests: running a child script that prints one JSON report line. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const kernelsDir = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `script` (TypeScript, through tsx) with `env` and parses the line after `marker`. */
export function childReport<T>(
  script: string,
  marker: string,
  env: NodeJS.ProcessEnv,
  timeout: number,
): T | { crashed: string } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: kernelsDir,
    env,
    encoding: 'utf8',
    timeout,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith(marker));
  if (!line) return { crashed: `exit ${child.status} ${child.signal ?? ''}: ${child.stderr.slice(-2000)}` };
  return JSON.parse(line.slice(marker.length)) as T;
}
