/**
 * `npm run load-test [-- options]`: the scale-out set-up under load, on this machine's loopback
 * only. It creates a fresh PostgreSQL database, starts web processes (the production build, in
 * queue mode) and `gradlab worker` processes, signs up students over HTTP, has them submit
 * programs (references, known mistakes, compile errors) as fast as the site accepts them, and
 * waits until every accepted submission is graded. It stops by itself (a deadline), drops the
 * database and prints:
 *   submit-to-graded p50/p99, throughput, and the counts that must be zero: lost (accepted, never
 *   graded), duplicated (graded twice or queued twice), storedUnacknowledged (a second row for one
 *   submission: every submission carries an Idempotency-Key, kept across its retries), wrong (a
 *   score other than the program's).
 * Exits 1 when one of those is not zero, or when a web process does not answer /api/health at the end.
 *
 * Faults, mid-burst (`--faults kill-worker,restart-web,restart-postgres`): SIGKILL a worker and
 * start another; stop a web process and start it again (requests to it fail meanwhile and are
 * sent to the other); restart PostgreSQL (`pg_ctlcluster`, root only; skipped with the reason
 * otherwise).
 *
 * Options: --students 50 --submissions 1000 --webs 2 --workers 2 --concurrency 1 (gradings per
 * worker) --in-flight 32 (HTTP requests at once) --deadline 600 (seconds) --faults <list> --json.
 * Needs the web build (`npm run build`) and PostgreSQL at GRADLAB_TEST_POSTGRES_URL (default
 * postgresql://postgres@127.0.0.1:5432/test).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exerciseSources, listExercises } from '@gradlab/content';
import { deployMigrations } from '@gradlab/prisma';
import {
  createScratchDatabase,
  postgresUnreachable,
  type ScratchDatabase,
} from '@gradlab/prisma/scratch-database';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    students: { type: 'string', default: '50' },
    submissions: { type: 'string', default: '1000' },
    webs: { type: 'string', default: '2' },
    workers: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '1' },
    'in-flight': { type: 'string', default: '32' },
    deadline: { type: 'string', default: '600' },
    faults: { type: 'string', default: '' },
    'base-port': { type: 'string', default: '3400' },
    json: { type: 'boolean', default: false },
  },
});
const int = (name: keyof typeof opts) => {
  const n = Number(opts[name]);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${name} must be a whole number >= 1, got "${opts[name]}"`);
  return n;
};
const students = int('students');
const total = int('submissions');
const webCount = int('webs');
const workerCount = int('workers');
const deadlineAt = Date.now() + int('deadline') * 1000;
const faults = new Set(
  String(opts.faults)
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean),
);
for (const f of faults)
  if (!['kill-worker', 'restart-web', 'restart-postgres'].includes(f))
    throw new Error(`unknown fault "${f}" (kill-worker, restart-web, restart-postgres)`);

const say = (line: string) => console.error(`load-test: ${line}`);

// ---- the programs: each with the score it must get ------------------------------------------
interface Program {
  exerciseId: string;
  code: string;
  /** the status it must get, and full marks for a reference */
  expected: { status: string; full?: boolean };
}
function programs(): Program[] {
  const out: Program[] = [];
  for (const { id } of listExercises().slice(0, 6)) {
    const sources = exerciseSources(id);
    const reference = fs.readFileSync(sources.solutionFile, 'utf8');
    out.push({ exerciseId: id, code: reference, expected: { status: 'graded', full: true } });
    out.push({
      exerciseId: id,
      code: `${reference}\nconst broken: number = ;`,
      expected: { status: 'compile_error' },
    });
  }
  return out;
}

// ---- processes -----------------------------------------------------------------------------
interface Proc {
  name: string;
  child: ChildProcess;
  log: string[];
}
const procs: Proc[] = [];
function start(name: string, command: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc: Proc = { name, child, log: [] };
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line) proc.log.push(line);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  procs.push(proc);
  return proc;
}
const stopped = (p: Proc) =>
  new Promise<void>((resolve) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) resolve();
    else p.child.once('exit', () => resolve());
  });

/** the load test's own database: made by main(), dropped by cleanup() */
let database: ScratchDatabase | null = null;
let dbUrl = '';
const secret = randomBytes(32).toString('base64url');
const basePort = int('base-port');
const webEnv = (port: number) => ({
  DATABASE_URL: dbUrl,
  GRADLAB_GRADING: 'queue',
  BETTER_AUTH_SECRET: secret,
  NODE_ENV: 'production',
  PORT: String(port),
  GRADLAB_SUBMIT_LIMIT: '100000',
  GRADLAB_AUTH_RATE_LIMIT: '100000',
});
const webs: { port: number; proc: Proc }[] = [];
function startWeb(i: number): Proc {
  const port = basePort + i;
  const proc = start(`web${i}`, process.execPath, ['apps/web/server.mjs', '-p', String(port)], webEnv(port));
  webs[i] = { port, proc };
  return proc;
}
let workerSeq = 0;
const workers: Proc[] = [];
function startWorker(): Proc {
  const proc = start(
    `worker${workerSeq++}`,
    process.execPath,
    [
      '--no-node-snapshot',
      '--import',
      'tsx',
      'grader/src/cli.ts',
      'worker',
      '--concurrency',
      String(int('concurrency')),
    ],
    { DATABASE_URL: dbUrl },
  );
  workers.push(proc);
  return proc;
}

async function healthy(port: number, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`web process on port ${port} did not become healthy`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// ---- HTTP, with retries on a web process that is down ----------------------------------------
let retried = 0;
async function post(
  pathname: string,
  body: unknown,
  cookie?: string,
  turn = 0,
  headers: Record<string, string> = {},
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const web = webs[(turn + attempt) % webs.length] as { port: number };
    try {
      const res = await fetch(`http://127.0.0.1:${web.port}${pathname}`, {
        // a web process that does not answer must not hold the run: the request goes to the
        // next one (the report's webHealthyAtEnd says whether each answers at the end)
        signal: AbortSignal.timeout(15_000),
        method: 'POST',
        // as the site's own pages send it (better-auth refuses a sign-up without its origin)
        headers: {
          'content-type': 'application/json',
          origin: `http://localhost:${web.port}`,
          ...(cookie ? { cookie } : {}),
          ...headers,
        },
        body: JSON.stringify(body),
      });
      // 5xx: the request was not accepted (a web process stopping, a database restarting): try again
      if (res.status < 500) return res;
      await res.body?.cancel();
    } catch {
      // connection refused or reset: that process is down
    }
    retried += 1;
    if (Date.now() > deadlineAt) throw new Error(`${pathname}: no web process answered before the deadline`);
    await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** Math.min(attempt, 5))));
  }
}

async function pool<T>(items: T[], limit: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i] as T, i);
      }
    }),
  );
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

// ---- faults ----------------------------------------------------------------------------------
const faultLog: string[] = [];
async function injectFaults(): Promise<void> {
  if (faults.has('kill-worker')) {
    const victim = workers.find((w) => w.child.exitCode === null) as Proc;
    victim.child.kill('SIGKILL');
    await stopped(victim);
    startWorker();
    faultLog.push(`kill-worker: SIGKILL ${victim.name} (pid ${victim.child.pid}), started another`);
  }
  if (faults.has('restart-web')) {
    const { proc } = webs[0] as { proc: Proc };
    proc.child.kill('SIGTERM');
    await stopped(proc);
    const t = performance.now();
    const again = startWeb(0);
    await healthy((webs[0] as { port: number }).port);
    faultLog.push(
      `restart-web: stopped web0 and started it again (${Math.round(performance.now() - t)} ms down), pid ${again.child.pid}`,
    );
  }
  if (faults.has('restart-postgres')) {
    const versions = fs.existsSync('/etc/postgresql') ? fs.readdirSync('/etc/postgresql') : [];
    const isRoot = process.getuid?.() === 0;
    if (!isRoot || versions.length !== 1) {
      faultLog.push(
        `restart-postgres: SKIPPED (needs root and one cluster under /etc/postgresql; root=${isRoot}, clusters=${versions.join(',') || 'none'})`,
      );
    } else {
      const t = performance.now();
      const r = spawnSync(
        'pg_ctlcluster',
        ['--skip-systemctl-redirect', versions[0] as string, 'main', 'restart'],
        { encoding: 'utf8' },
      );
      faultLog.push(
        r.status === 0
          ? `restart-postgres: PostgreSQL ${versions[0]} restarted (${Math.round(performance.now() - t)} ms)`
          : `restart-postgres: FAILED to restart (${r.stderr.trim()})`,
      );
    }
  }
}

// ---- the run ---------------------------------------------------------------------------------
async function main(): Promise<number> {
  const unreachable = await postgresUnreachable();
  if (unreachable) {
    console.log(`SKIPPED: the load test: ${unreachable}`);
    return 0;
  }
  if (!fs.existsSync(path.join(root, 'apps/web/.next/BUILD_ID')))
    throw new Error('the web build is missing: run `npm run build` first');
  database = await createScratchDatabase('gradlab_load');
  dbUrl = database.url;
  say(`database ${database.name}`);
  await deployMigrations(dbUrl);
  for (let i = 0; i < webCount; i++) startWeb(i);
  for (let i = 0; i < workerCount; i++) startWorker();
  await Promise.all(webs.map((w) => healthy(w.port)));
  say(`${webCount} web process(es) on ports ${webs.map((w) => w.port).join(', ')}, ${workerCount} worker(s)`);

  // students sign up (and are signed in) over HTTP
  const cookies: string[] = [];
  await pool(
    Array.from({ length: students }, (_, i) => i),
    8,
    async (i) => {
      const res = await post(
        '/api/auth/sign-up/email',
        { email: `student${i}@load.test`, password: `load-test-password-${i}`, name: `Student ${i}` },
        undefined,
        i,
      );
      if (res.status !== 200)
        throw new Error(`sign-up of student ${i}: HTTP ${res.status} ${await res.text()}`);
      cookies[i] = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    },
  );
  say(`${students} students signed up`);

  const kinds = programs();
  const accepted = new Map<string, Program>();
  let rejected = 0;
  let unacknowledged = 0;
  let replayed = 0;
  const faultAt = Math.floor(total * 0.4);
  let faultDone: Promise<void> | undefined;
  const burstStart = performance.now();
  await pool(
    Array.from({ length: total }, (_, i) => i),
    int('in-flight'),
    async (i) => {
      if (i === faultAt && faults.size > 0) faultDone = injectFaults();
      const program = kinds[i % kinds.length] as Program;
      // one key per submission, kept across tries: a try whose answer was lost after the
      // submission was stored gets that submission back (200), never a second one
      const key = `load-${process.pid}-${i}`;
      let res: Response;
      let text: string | null = null;
      do {
        res = await post(
          '/api/submissions',
          { exerciseId: program.exerciseId, code: program.code },
          cookies[i % students],
          i,
          { 'idempotency-key': key },
        );
        text = await res.text().catch(() => null);
        // the connection dropped after the status line (a web process stopping): try again
        if (text === null) unacknowledged += 1;
      } while (text === null);
      if (res.headers.get('idempotent-replayed') === 'true') replayed += 1;
      if (res.status !== 202 && res.status !== 200) {
        rejected += 1;
        say(`submission ${i}: HTTP ${res.status} ${text.slice(0, 200)}`);
        return;
      }
      accepted.set((JSON.parse(text) as { id: string }).id, program);
    },
  );
  const submitSeconds = (performance.now() - burstStart) / 1000;
  await faultDone;
  say(`${accepted.size} submissions accepted in ${submitSeconds.toFixed(1)} s; waiting for the gradings`);

  const client = new pg.Client({ connectionString: dbUrl });
  const query = async <T extends pg.QueryResultRow>(sql: string): Promise<T[]> => {
    for (;;) {
      try {
        return (await client.query<T>(sql)).rows;
      } catch (error) {
        if (Date.now() > deadlineAt) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };
  await client.connect();
  type Row = {
    id: string;
    status: string;
    score: number | null;
    maxScore: number | null;
    created: Date;
    finished: Date | null;
  };
  let rows: Row[] = [];
  for (;;) {
    rows = await query<Row>(
      `SELECT id, status::text AS status, score, "maxScore", "createdAt" AS created, "finishedAt" AS finished FROM "Submission"`,
    );
    const pending = rows.filter((r) => r.status === 'queued' || r.status === 'running').length;
    if (pending === 0 && rows.length >= accepted.size) break;
    if (Date.now() > deadlineAt) {
      say(`deadline reached with ${pending} submission(s) not graded`);
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  let lost = 0;
  let wrong = 0;
  const wrongExamples: string[] = [];
  // lost: a submission accepted and missing, or stored and never graded
  lost += [...accepted.keys()].filter((id) => !byId.has(id)).length;
  lost += rows.filter((r) => r.status === 'queued' || r.status === 'running').length;
  for (const [id, program] of accepted) {
    const row = byId.get(id);
    if (!row || row.status === 'queued' || row.status === 'running') continue;
    const ok =
      row.status === program.expected.status &&
      (!program.expected.full || (row.score !== null && row.score === row.maxScore));
    if (!ok) {
      wrong += 1;
      if (wrongExamples.length < 5) wrongExamples.push(`${program.exerciseId}: ${row.status} ${row.score}`);
    }
  }
  // rows nobody was told about: a try that stored one and lost its answer, then a retry that
  // stored another (the Idempotency-Key prevents it)
  const stored = rows.length - accepted.size;
  const jobs = await query<{ submission: string; n: string }>(
    `SELECT data->>'submissionId' AS submission, count(*) AS n FROM pgboss.job
     WHERE name = 'grading' AND data->>'kind' = 'stored' GROUP BY 1`,
  );
  const queuedTwice = jobs.filter((j) => Number(j.n) > 1).length;
  const withoutJob = rows.filter((r) => !jobs.some((j) => j.submission === r.id)).length;
  const gradedEvents = new Map<string, number>();
  for (const w of workers)
    for (const line of w.log) {
      if (!line.startsWith('{')) continue;
      try {
        const e = JSON.parse(line) as { event?: string; submissionId?: string };
        if (e.event === 'graded' && e.submissionId)
          gradedEvents.set(e.submissionId, (gradedEvents.get(e.submissionId) ?? 0) + 1);
      } catch {
        // not a log line of ours
      }
    }
  const gradedTwice = [...gradedEvents.values()].filter((n) => n > 1).length;
  const latencies = rows
    .filter((r) => r.finished)
    .map((r) => (r.finished as Date).getTime() - r.created.getTime())
    .sort((a, b) => a - b);
  const lastFinished = Math.max(...rows.map((r) => r.finished?.getTime() ?? 0));
  const firstCreated = Math.min(...rows.map((r) => r.created.getTime()));
  // Every web process must answer /api/health after the faults (it reconnects to PostgreSQL): a
  // few tries, seconds apart, then it counts as stuck (the run fails, with that process's log).
  const webHealthyAtEnd: Record<string, boolean> = {};
  for (const web of webs) {
    let ok = false;
    for (let attempt = 0; attempt < 3 && !ok; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 5_000));
      const res = await fetch(`http://127.0.0.1:${web.port}/api/health`, {
        signal: AbortSignal.timeout(10_000),
      }).catch(() => null);
      ok = res?.status === 200;
    }
    webHealthyAtEnd[`port ${web.port}`] = ok;
    if (!ok)
      say(
        `${web.proc.name} (port ${web.port}) does not answer /api/health after the faults; its last lines:\n${web.proc.log.slice(-20).join('\n')}`,
      );
  }
  const report = {
    students,
    submissions: {
      sent: total,
      accepted: accepted.size,
      rejected,
      responseLost: unacknowledged,
      replayed,
      storedUnacknowledged: stored,
    },
    webs: webCount,
    workers: workerCount,
    gradingsPerWorker: int('concurrency'),
    submitToGradedMs: {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1),
    },
    throughputPerS: Number((rows.length / ((lastFinished - firstCreated) / 1000)).toFixed(1)),
    submitPhaseS: Number(submitSeconds.toFixed(1)),
    lost,
    duplicated: queuedTwice + gradedTwice,
    duplicatedDetail: { queuedTwice, gradedTwice },
    withoutJob,
    wrong,
    wrongExamples,
    retriedRequests: retried,
    faults: faultLog,
    webHealthyAtEnd,
  };
  await client.end();
  if (opts.json) console.log(JSON.stringify(report, null, 2));
  else {
    console.log('| measure | value |\n|---|---|');
    for (const [k, v] of Object.entries(report))
      console.log(`| ${k} | ${typeof v === 'object' ? JSON.stringify(v) : v} |`);
  }
  const webStuck = Object.values(webHealthyAtEnd).some((ok) => !ok);
  return lost === 0 && report.duplicated === 0 && stored === 0 && wrong === 0 && withoutJob === 0 && !webStuck
    ? 0
    : 1;
}

async function cleanup(): Promise<void> {
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGTERM');
  await Promise.race([Promise.all(procs.map(stopped)), new Promise((r) => setTimeout(r, 15_000))]);
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  const made = database;
  if (!made) return;
  await made.drop().catch((error: Error) => say(`could not drop ${made.name}: ${error.message}`));
}

const timer = setTimeout(
  () => {
    say('the deadline passed: stopping');
    void cleanup().then(() => process.exit(1));
  },
  deadlineAt - Date.now() + 30_000,
);
timer.unref();

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    say(error instanceof Error ? (error.stack ?? error.message) : String(error));
    for (const p of procs.filter((x) => x.child.exitCode !== null && x.child.exitCode !== 0))
      say(`${p.name} exited ${p.child.exitCode}:\n${p.log.slice(-20).join('\n')}`);
    await cleanup();
    process.exit(1);
  });
