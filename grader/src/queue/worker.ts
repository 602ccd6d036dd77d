/**
 * `gradlab worker [--concurrency N]`: grades the queue's jobs on this machine, in a pool of N
 * grading processes (the same pool the embedded server uses: OS limits, a process replaced when
 * a program poisons or kills it). Any number of workers on any machines share one queue.
 *
 * - A stored submission's result is written once (see stored.ts), whichever try gets there.
 * - A job whose worker dies is retried by pg-boss once its heartbeat stops; after the queue's
 *   retry limit it lands in the dead-letter queue and its submission is marked `error`.
 * - SIGTERM or SIGINT: stop fetching, finish the jobs in hand (at most `drainMs`; what is left is
 *   retried elsewhere once its heartbeat stops), close the pool, exit 0.
 */
import { createPrismaClient, databaseUrl, isPostgresUrl, type PrismaClient } from '@gradlab/prisma';
import type { JobWithMetadata, PgBoss, WorkOptions } from 'pg-boss';
import { checkExerciseReport } from '../check.ts';
import type { GradeRequest } from '../grade.ts';
import { createGraderPool, type GraderPool } from '../process-pool.ts';
import {
  DEAD_LETTER_QUEUE,
  GRADING_QUEUE,
  type GradingJob,
  logQueueEvent,
  QUEUE_POLICY,
  startBoss,
} from './boss.ts';
import { GraderUnavailable, gradeStoredSubmission, markUngradable } from './stored.ts';

export interface WorkerOptions {
  /** gradings at once (grading processes); default 2 */
  concurrency?: number;
  /** jobs of one user running at once, across all workers; default 2 */
  perUser?: number;
  url?: string;
  /** how long a stopping worker waits for its jobs; default 60 s */
  drainMs?: number;
}

export interface RunningWorker {
  boss: PgBoss;
  pool: GraderPool;
  /** Stops fetching, waits for the jobs in hand, closes everything. */
  stop(): Promise<void>;
}

export const UNGRADABLE_MESSAGE = `this submission stopped the grader ${QUEUE_POLICY.retryLimit + 1} times and could not be graded; check it for a loop or an allocation that never ends, then submit again`;

async function handle(
  prisma: PrismaClient,
  pool: GraderPool,
  job: JobWithMetadata<GradingJob>,
  stopping: () => boolean,
): Promise<unknown> {
  const started = performance.now();
  const data = job.data;
  logQueueEvent('info', 'grading-started', {
    jobId: job.id,
    kind: data.kind,
    ...(data.kind === 'stored' ? { submissionId: data.submissionId } : {}),
    retry: job.retryCount,
    priority: job.priority,
  });
  if (data.kind === 'stored') {
    // a grading cut short because this worker is stopping is retried elsewhere, not stored
    const grade = (request: GradeRequest) =>
      pool.grade(request).catch((error: unknown) => {
        throw stopping() ? new GraderUnavailable('this worker is stopping') : error;
      });
    const { outcome, status } = await gradeStoredSubmission(prisma, data.submissionId, grade);
    logQueueEvent('info', outcome === 'graded' ? 'graded' : `skipped-${outcome}`, {
      submissionId: data.submissionId,
      jobId: job.id,
      status,
      ms: Math.round(performance.now() - started),
    });
    return { outcome, status };
  }
  if (data.kind === 'direct') {
    const result = await pool.grade(data.request);
    logQueueEvent('info', 'graded-direct', {
      jobId: job.id,
      exerciseId: data.request.exerciseId,
      status: result.status,
      ms: Math.round(performance.now() - started),
    });
    return result;
  }
  return checkExerciseReport(data.exerciseId);
}

/** Starts a worker; resolves once it is fetching jobs. */
export async function startWorker(options: WorkerOptions = {}): Promise<RunningWorker> {
  const url = options.url ?? databaseUrl();
  if (!isPostgresUrl(url))
    throw new Error(
      `gradlab worker needs the site's PostgreSQL: set DATABASE_URL to a postgresql:// URL (it is "${url.split(':')[0]}:...")`,
    );
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const prisma = createPrismaClient(url);
  const pool = createGraderPool({ size: concurrency });
  let stopping: Promise<void> | undefined;
  const boss = await startBoss({ url, role: 'worker', maxConnections: concurrency + 3 });
  const workOptions = {
    localConcurrency: concurrency,
    groupConcurrency: Math.max(1, options.perUser ?? 2),
    // After each job a poller waits its polling interval (a new job's NOTIFY wakes it) unless the
    // queue has a backlog (pg-boss's cached ready count, refreshed every second): then it fetches
    // again at once.
    pollingIntervalSeconds: 0.5,
    notifyPollingIntervalSeconds: 2,
    burstWhenReadyExceeds: 1,
    includeMetadata: true,
  } as const satisfies WorkOptions;
  await boss.work<GradingJob, unknown, typeof workOptions>(GRADING_QUEUE, workOptions, async ([job]) =>
    job ? handle(prisma, pool, job, () => stopping !== undefined) : undefined,
  );
  await boss.work<GradingJob>(DEAD_LETTER_QUEUE, { pollingIntervalSeconds: 2 }, async ([job]) => {
    if (job?.data.kind !== 'stored') return;
    const marked = await markUngradable(prisma, job.data.submissionId, UNGRADABLE_MESSAGE);
    logQueueEvent('warn', 'given-up', { submissionId: job.data.submissionId, jobId: job.id, marked });
  });
  logQueueEvent('info', 'worker-started', { concurrency, queue: GRADING_QUEUE });
  return {
    boss,
    pool,
    stop: () => {
      stopping ??= (async () => {
        await boss.stop({ graceful: true, timeout: options.drainMs ?? 60_000 });
        await pool.close();
        await prisma.$disconnect();
        logQueueEvent('info', 'worker-stopped');
      })();
      return stopping;
    },
  };
}

/** The CLI's worker: runs until SIGTERM or SIGINT, then stops gracefully. */
export async function runWorkerUntilSignalled(options: WorkerOptions): Promise<number> {
  const worker = await startWorker(options);
  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      logQueueEvent('info', 'worker-stopping', { signal });
      resolve();
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
  await worker.stop();
  return 0;
}
