// `npm test`: installs what the tests need (Chromium from Debian's apt when missing, npm
// dependencies), builds, then runs lint and type checks, every package's unit tests, and the
// Playwright suite against the production build. Ends with the runners' summary lines.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { checkNode, ensureDependencies, run, step } from './lib.mjs';

const chromium = '/usr/bin/chromium';

function ensureChromium() {
  if (fs.existsSync(chromium)) {
    step(`Chromium found at ${chromium}`);
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      [
        `gradlab: the browser tests need Debian's Chromium at ${chromium}, and it is missing.`,
        'Install it once, as root, then run `npm test` again:',
        '  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-liberation',
        '(Playwright uses this system Chromium; `npx playwright install` is not used.)',
      ].join('\n'),
    );
    process.exit(1);
  }
  step('installing Chromium from apt (chromium, fonts-liberation)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation'], {
    env,
  });
}

checkNode();
ensureChromium();
ensureDependencies();

step('build, lint and type checks, unit tests (turbo run build lint test)');
run('npx', ['turbo', 'run', 'build', 'lint', 'test', '--output-logs=new-only', '--continue=never']);

step('browser tests (Playwright, Debian Chromium, production build)');
run('npm', ['run', 'e2e', '--silent', '-w', '@gradlab/e2e']);

// Scaled out: PostgreSQL, grading through the job queue by `gradlab worker` processes. Both steps
// print SKIPPED (and why) when no PostgreSQL answers at GRADLAB_TEST_POSTGRES_URL.
step('browser tests on PostgreSQL, grading through the queue with a worker');
run('npm', ['run', 'e2e:postgres', '--silent', '-w', '@gradlab/e2e']);

// Restarting PostgreSQL mid-burst restarts the machine's server: done in CI (the development and
// CI machines run it for the tests) or when asked with GRADLAB_TEST_RESTART_POSTGRES=1.
const restartPostgres = Boolean(process.env.CI) || process.env.GRADLAB_TEST_RESTART_POSTGRES === '1';
const faults = ['kill-worker', 'restart-web', ...(restartPostgres ? ['restart-postgres'] : [])];
step(
  `load test: 2 web processes, 2 workers, 50 students, 1000 submissions, faults: ${faults.join(', ')}` +
    (restartPostgres ? '' : ' (restart-postgres: set GRADLAB_TEST_RESTART_POSTGRES=1)'),
);
run('npm', ['run', 'load-test', '--silent', '--', '--faults', faults.join(',')]);
