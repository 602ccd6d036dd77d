/**
 * The web side of the grading queue: sends jobs and reads their results, and holds nothing a
 * second web process would miss (the jobs and results live in PostgreSQL).
 */
import type { Db, JobWithMetadata, PgBoss } from 'pg-boss';
import type { CheckReport } from '../check.ts';
import type { GradeRequest } from '../grade.ts';
import type { GradeResult } from '../result.ts';
import { GRADING_QUEUE, type GradingJob, logQueueEvent, PRIORITY } from './boss.ts';

export interface SendOptions {
  /** whose job it is: a user's jobs run at most `perUser` at a time across all workers */
  userId: string;
  priority?: number;
  /** run the insert inside this transaction (pg-boss's `fromPrisma(tx)`) */
  db?: Db;
}

export interface QueueOverview {
  /** jobs waiting (created or waiting to be retried) */
  queued: number;
  /** jobs being graded now */
  active: number;
  /** jobs that failed every try, still kept */
  failed: number;
  /** worker processes heard from within three heartbeats */
  workers: { host: string; pid: number; startedOn: Date; heartbeatOn: Date; active: number }[];
}

/** How long a caller waits for a direct job at most (a grading that is retried twice, and more). */
const DIRECT_WAIT_MS = 10 * 60_000;

export class GradingQueueClient {
  constructor(private readonly boss: PgBoss) {}

  private async send(job: GradingJob, options: SendOptions): Promise<string> {
    const id = await this.boss.send(GRADING_QUEUE, job, {
      priority: options.priority ?? PRIORITY.submission,
      group: { id: options.userId },
      ...(options.db ? { db: options.db } : {}),
    });
    if (!id) throw new Error('the grading queue refused the job');
    return id;
  }

  /**
   * Queues the grading of a stored submission. Pass the submission insert's transaction as `db`:
   * then the job exists exactly when the submission does.
   */
  async enqueueStored(submissionId: string, options: SendOptions): Promise<string> {
    const jobId = await this.send({ kind: 'stored', submissionId }, options);
    logQueueEvent('info', 'enqueued', { submissionId, jobId, priority: options.priority ?? 0 });
    return jobId;
  }

  /** Grades `request` on a worker and returns its result. */
  async grade(request: GradeRequest, options: SendOptions): Promise<GradeResult> {
    const job = await this.waitFor(await this.send({ kind: 'direct', request }, options));
    return job.output as unknown as GradeResult;
  }

  /** Runs `gradlab check` on an exercise folder on a worker. */
  async check(exerciseId: string, options: SendOptions): Promise<CheckReport> {
    const job = await this.waitFor(await this.send({ kind: 'check', exerciseId }, options));
    return job.output as unknown as CheckReport;
  }

  /** Polls a job until it completes; rejects when it failed every try or the wait runs out. */
  private async waitFor(id: string): Promise<JobWithMetadata<GradingJob>> {
    const deadline = Date.now() + DIRECT_WAIT_MS;
    let pause = 20;
    for (;;) {
      const [job] = await this.boss.findJobs<GradingJob>(GRADING_QUEUE, { id });
      if (!job) throw new Error(`grading job ${id} is gone`);
      if (job.state === 'completed') return job;
      if (job.state === 'failed' || job.state === 'cancelled')
        throw new Error(`the grading job ${job.state}: ${JSON.stringify(job.output ?? {})}`);
      if (Date.now() > deadline) throw new Error(`the grading job ${id} did not finish in time`);
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(250, pause * 2);
    }
  }

  /** Queue depth, jobs running and the live workers (instructor pages, /api/health). */
  async overview(): Promise<QueueOverview> {
    const [queue, instances] = await Promise.all([
      this.boss.getQueue(GRADING_QUEUE),
      this.boss.getInstances(),
    ]);
    return {
      queued: queue?.queuedCount ?? 0,
      active: queue?.activeCount ?? 0,
      failed: queue?.failedCount ?? 0,
      workers: instances
        .filter((i) => i.live && i.name === 'gradlab-worker')
        .map((i) => ({
          host: i.host,
          pid: i.pid,
          startedOn: i.startedOn,
          heartbeatOn: i.heartbeatOn,
          active: i.workers.reduce((sum, w) => (w.queue === GRADING_QUEUE ? sum + w.active : sum), 0),
        })),
    };
  }
}
