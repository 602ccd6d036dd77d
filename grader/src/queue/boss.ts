/**
 * The grading queue on PostgreSQL (pg-boss 12): one queue, `grading`, whose jobs are graded by
 * `gradlab worker` processes on any machine that reaches the database. pg-boss claims jobs with
 * SKIP LOCKED, so each job goes to one worker at a time; a worker that stops heartbeating (killed,
 * machine lost) has its job retried by another, and a job that fails every try is copied to the
 * dead-letter queue `grading-dead`, where a worker marks its submission `error`.
 *
 * Jobs carry no code: a stored submission is read from the database by id, and a direct request
 * (a question's code part, the instructor's reference grading) carries what it grades and gets
 * its result back as the job's output.
 */
import os from 'node:os';
import { PgBoss } from 'pg-boss';
import type { GradeRequest } from '../grade.ts';

export const GRADING_QUEUE = 'grading';
export const DEAD_LETTER_QUEUE = 'grading-dead';

/** Priorities: a job of higher priority is always fetched first. */
export const PRIORITY = { exam: 10, submission: 0, practice: -10 } as const;

export type GradingJob =
  /** a stored submission: graded, and its row written, by the worker */
  | { kind: 'stored'; submissionId: string }
  /** a grading whose result goes back to the caller as the job's output */
  | { kind: 'direct'; request: GradeRequest }
  /** `gradlab check` of an exercise folder (the instructor's exercise page) */
  | { kind: 'check'; exerciseId: string };

/** How the queue's jobs are retried and kept. */
export const QUEUE_POLICY = {
  /** A worker refreshes its jobs' heartbeat every 5 s; a job silent for 10 s is retried. */
  heartbeatSeconds: 10,
  /** The longest a grading may take (its sandbox budget is far less): then it is retried. */
  expireInSeconds: 300,
  /** Tries after the first: a submission that stops its worker 3 times is given up. */
  retryLimit: 2,
  retryDelay: 1,
  /** Finished jobs are kept a day (queue statistics, the load test's audit). */
  deleteAfterSeconds: 86_400,
} as const;

export interface BossOptions {
  /** the PostgreSQL URL (the site's DATABASE_URL) */
  url: string;
  /** `worker` instances supervise the queue (heartbeats, retries); `web` instances only send */
  role: 'web' | 'worker';
  /** pg-boss's own connection pool; default 4 */
  maxConnections?: number;
}

/** The schema pg-boss keeps its tables in (`GRADLAB_QUEUE_SCHEMA`, default `pgboss`). */
export function queueSchema(): string {
  return process.env.GRADLAB_QUEUE_SCHEMA ?? 'pgboss';
}

/** A pg-boss instance for this process, started, with the queues created. */
export async function startBoss(options: BossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.url,
    schema: queueSchema(),
    max: options.maxConnections ?? 4,
    application_name: `gradlab-${options.role}`,
    instanceName: `gradlab-${options.role}`,
    instanceHeartbeatSeconds: 10,
    useListenNotify: true,
    supervise: options.role === 'worker',
    schedule: false,
    // A job left by a dead worker is noticed within a second or two. The supervise pass also
    // refreshes the queue's ready count, which workers read to keep fetching without waiting
    // their polling interval while there is a backlog (with pg-boss's 60 s default a backlog
    // drained at one job per poller per polling interval: 20 ms jobs on 2 pollers ran at 1.1/s
    // with the defaults, 72/s with these).
    monitorIntervalSeconds: 1,
    superviseIntervalSeconds: 1,
    queueCacheIntervalSeconds: 1,
  });
  boss.on('error', (error) => logQueueEvent('error', 'queue-error', { message: String(error) }));
  await boss.start({ attempts: 5 });
  await ensureQueues(boss);
  return boss;
}

/** Creates the grading and dead-letter queues if they are missing (idempotent). */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  if (!(await boss.getQueue(DEAD_LETTER_QUEUE)))
    await boss.createQueue(DEAD_LETTER_QUEUE, { retryLimit: 5, retryDelay: 2 });
  if (!(await boss.getQueue(GRADING_QUEUE)))
    await boss.createQueue(GRADING_QUEUE, { ...QUEUE_POLICY, deadLetter: DEAD_LETTER_QUEUE, notify: true });
}

/** `host:pid`, naming this process in logs. */
export const processName = `${os.hostname()}:${process.pid}`;

/** One JSON line per event, with the submission id when there is one (grep-able, machine-readable). */
export function logQueueEvent(
  level: 'info' | 'warn' | 'error',
  event: string,
  fields: Record<string, unknown> = {},
): void {
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    event,
    process: processName,
    ...fields,
  });
  if (level === 'info') console.log(line);
  else console.error(line);
}
