/**
 * Test support for the queue tests: worker processes (the real `gradlab worker`, killable with
 * SIGKILL), a fresh PostgreSQL database, and submissions stored and enqueued as the site does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exerciseSources } from '@gradlab/content';
import { createPrismaClient, type PrismaClient } from '@gradlab/prisma';
import type { PgBoss } from 'pg-boss';
import { fromPrisma, type GradingQueueClient } from '../../src/queue/index.ts';

const graderDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const reference = fs.readFileSync(exerciseSources('affine-layer').solutionFile, 'utf8');
/** The reference, after a busy wait at load: a grading that is still running for ~`ms` ms. */
export const slowReference = (ms = 900) =>
  `{ const until = Date.now() + ${ms}; while (Date.now() < until) {} }\n${reference}`;

export interface WorkerProcess {
  child: ChildProcess;
  /** every JSON log line it printed */
  events: Record<string, unknown>[];
  /** the rest of what it printed (the last 4 KB) */
  text: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `gradlab worker` (the CLI module itself, so that a signal reaches the worker's own process). */
export function startWorkerProcess(url: string, args: string[] = []): WorkerProcess {
  const child = spawn(
    process.execPath,
    ['--no-node-snapshot', '--import', 'tsx', path.join(graderDir, 'src/cli.ts'), 'worker', ...args],
    { cwd: graderDir, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const events: Record<string, unknown>[] = [];
  let text = '';
  // one line buffer per stream: a chunk of stderr must not land in the middle of a stdout line
  const reader = () => {
    let buffered = '';
    return (chunk: Buffer) => {
      text = (text + chunk.toString('utf8')).slice(-4096);
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        try {
          events.push(JSON.parse(line));
        } catch {
          // a JSON-looking line of something else
        }
      }
    };
  };
  child.stdout?.on('data', reader());
  child.stderr?.on('data', reader());
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, events, exited, text: () => text };
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The worker process has not exited. */
export const alive = (worker: WorkerProcess) =>
  worker.child.exitCode === null && worker.child.signalCode === null;

/** SIGKILLs the workers still running and waits until they are gone. */
export async function killAlive(workers: WorkerProcess[]): Promise<void> {
  const live = workers.filter(alive);
  for (const w of live) w.child.kill('SIGKILL');
  await Promise.all(live.map((w) => w.exited));
}

export async function workerReady(worker: WorkerProcess): Promise<void> {
  await until('the worker to start', async () => {
    if (!alive(worker)) throw new Error(`the worker exited before it started:\n${worker.text()}`);
    return worker.events.some((e) => e.event === 'worker-started');
  });
}

export async function seedUsers(prisma: PrismaClient, count: number): Promise<string[]> {
  await prisma.exercise.upsert({
    where: { id: 'affine-layer' },
    create: { id: 'affine-layer', title: 'Affine layer', topic: 'layers', points: 10 },
    update: {},
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const user = await prisma.user.create({
      data: { email: `s${i}-${Date.now()}@test.invalid`, name: `S${i}` },
    });
    ids.push(user.id);
  }
  return ids;
}

/** Stores a submission and its job in one transaction, as the site's submit route does. */
export async function submit(
  prisma: PrismaClient,
  queue: GradingQueueClient,
  userId: string,
  code: string,
  priority?: number,
): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.submission.create({
      data: { userId, exerciseId: 'affine-layer', code, language: 'ts', status: 'queued' },
    });
    await queue.enqueueStored(row.id, {
      userId,
      db: fromPrisma(tx),
      ...(priority === undefined ? {} : { priority }),
    });
    return row.id;
  });
}

export function client(url: string): PrismaClient {
  return createPrismaClient(url);
}

export type { PgBoss };
