import 'server-only';
import path from 'node:path';
import { contentRoot, listExercises, readPublicExercise } from '@gradlab/content';
import {
  type CheckReport,
  cachedExercise,
  codeOutcome,
  createGraderPool,
  type GradeRequest,
  type GradeResult,
  type GraderPool,
  type RunCode,
  runKit,
} from '@gradlab/grader';
import {
  fromPrisma,
  GradingQueueClient,
  gradeStoredSubmission,
  PRIORITY,
  type QueueOverview,
  startBoss,
} from '@gradlab/grader/queue';
import { databaseUrl, isPostgresUrl, type PrismaClient, type Submission } from '@gradlab/prisma';
import { db } from './db.ts';
import { FairQueue } from './fair-queue.ts';

export { PRIORITY };

/**
 * How submissions are graded: `embedded` (the default) in grading processes of this server;
 * `queue` (GRADLAB_GRADING=queue, PostgreSQL only) by `gradlab worker` processes through the
 * PostgreSQL job queue, this server only sending jobs and reading results.
 */
export function gradingMode(): 'embedded' | 'queue' {
  const mode = process.env.GRADLAB_GRADING ?? 'embedded';
  if (mode === 'embedded') return 'embedded';
  if (mode !== 'queue') throw new Error(`GRADLAB_GRADING must be "embedded" or "queue", got "${mode}"`);
  if (!isPostgresUrl(databaseUrl()))
    throw new Error('GRADLAB_GRADING=queue needs PostgreSQL: set DATABASE_URL to a postgresql:// URL');
  return 'queue';
}

const queueHolder = globalThis as typeof globalThis & { gradlabQueue?: Promise<GradingQueueClient> };

/** This process's queue client (pg-boss started on first use). */
export function gradingQueue(): Promise<GradingQueueClient> {
  queueHolder.gradlabQueue ??= startBoss({ url: databaseUrl(), role: 'web' }).then(
    (boss) => new GradingQueueClient(boss),
    (error: unknown) => {
      queueHolder.gradlabQueue = undefined;
      throw error;
    },
  );
  return queueHolder.gradlabQueue;
}

/** grading processes (GRADLAB_GRADER_WORKERS, default 2) */
function graderSize(): number {
  return Math.max(1, Math.floor(Number(process.env.GRADLAB_GRADER_WORKERS ?? 2)) || 2);
}

/**
 * The process-wide grader: a pool of grading processes (grader/bin/grading-process.mjs), each
 * under OS limits and replaced when a submission poisons it, so no learner program can take the
 * site down. Stored submissions reach it through a fair queue: at most one grading per process
 * at a time, users taking turns.
 */
interface Grader {
  pool: GraderPool;
  submissions: FairQueue;
}

const holder = globalThis as typeof globalThis & {
  gradlabGrader?: Grader;
  gradlabGrading?: Set<string>;
};

function grader(): Grader {
  if (!holder.gradlabGrader) {
    const size = graderSize();
    holder.gradlabGrader = { pool: createGraderPool({ size }), submissions: new FairQueue(size) };
  }
  return holder.gradlabGrader;
}

/** Submission ids this process has queued or is grading (so a recovery pass does not start them twice). */
function inFlight(): Set<string> {
  holder.gradlabGrading ??= new Set();
  return holder.gradlabGrading;
}

/**
 * Grades a stored submission in the background (embedded mode): it stays `queued` until a
 * grading process takes it, then `running`, then its final status. `owner` is the submitting
 * user: users take turns in the queue.
 */
export function enqueueSubmission(id: string, owner: string, prisma: PrismaClient = db()): void {
  const busy = inFlight();
  if (busy.has(id)) return;
  busy.add(id);
  grader().submissions.push(owner, () =>
    gradeStoredSubmission(prisma, id, (request) => grader().pool.grade(request))
      .then(() => undefined)
      .finally(() => busy.delete(id)),
  );
}

/**
 * Stores a submission (`queued`) and has it graded. With the queue, the submission and its job
 * are inserted in one transaction: no submission is stored without its job.
 */
export async function storeAndGrade(
  data: { userId: string; exerciseId: string; code: string; language: string; requestKey?: string | null },
  prisma: PrismaClient = db(),
): Promise<Submission> {
  if (gradingMode() === 'queue') {
    const queue = await gradingQueue();
    return prisma.$transaction(async (tx) => {
      const submission = await tx.submission.create({ data: { ...data, status: 'queued' } });
      await queue.enqueueStored(submission.id, { userId: data.userId, db: fromPrisma(tx) });
      return submission;
    });
  }
  const submission = await prisma.submission.create({ data: { ...data, status: 'queued' } });
  enqueueSubmission(submission.id, data.userId, prisma);
  return submission;
}

/**
 * After a restart: every submission left `queued` or `running` is graded (again). Called once
 * from instrumentation.ts when the server starts.
 */
export async function resumePendingGradings(prisma: PrismaClient = db()): Promise<number> {
  // queued jobs outlive a web process: workers take them whatever happens here
  if (gradingMode() === 'queue') return 0;
  const pending = await prisma.submission.findMany({
    where: { status: { in: ['queued', 'running'] } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, userId: true },
  });
  for (const { id, userId } of pending) {
    await prisma.submission.update({ where: { id }, data: { status: 'queued' } });
    enqueueSubmission(id, userId, prisma);
  }
  return pending.length;
}

/**
 * Grades code directly and returns the result (the instructor's "grade the reference" button, a
 * regrade, a question's code part). `owner` is whose grading it is (users' gradings are capped
 * per user on the queue); `priority`: an exam's before a practice's.
 */
export async function gradeNow(
  request: GradeRequest,
  options: { owner?: string; priority?: number } = {},
): Promise<GradeResult> {
  if (gradingMode() === 'queue')
    return (await gradingQueue()).grade(request, {
      userId: options.owner ?? 'staff',
      priority: options.priority ?? PRIORITY.submission,
    });
  return grader().pool.grade(request);
}

/** Grades a question's code part (its exercise's public and hidden cases) for `owner`. */
export function codeRunner(owner: string, priority: number = PRIORITY.practice): RunCode {
  return async (exercise, code) =>
    codeOutcome(await gradeNow({ exerciseId: exercise, code, language: 'ts' }, { owner, priority }));
}

/**
 * Runs `gradlab check` on an exercise folder in a grading process, as it is on disk now (the
 * instructor's exercise page). Problem files are given relative to the repository (`content/exercises/...`).
 */
export async function checkNow(exerciseId: string): Promise<CheckReport> {
  const report =
    gradingMode() === 'queue'
      ? await (await gradingQueue()).check(exerciseId, { userId: 'staff' })
      : await grader().pool.check(exerciseId);
  const root = path.dirname(contentRoot());
  return {
    ...report,
    problems: report.problems.map((p) => ({ ...p, file: path.relative(root, p.file) || p.file })),
  };
}

/**
 * Loads every exercise and builds its RunKit now, and grades one starter (compiler, isolate and
 * engine code cache warm up), so that the first Run and Submit of a student are fast.
 */
export async function warmUpGrader(): Promise<void> {
  const exercises = listExercises();
  for (const { id } of exercises) {
    try {
      cachedExercise(id);
      await runKit(id);
    } catch (error) {
      console.error(`grading: exercise "${id}" does not load`, error);
    }
  }
  const first = exercises[0];
  // with the queue, the workers grade: nothing to warm here
  if (first && gradingMode() === 'embedded') {
    await gradeNow({
      exerciseId: first.id,
      code: readPublicExercise(first.id).starter,
      language: 'ts',
    }).catch((error: unknown) => console.error('grading: warm-up grading failed', error));
  }
}

export interface GradingOverview {
  mode: 'embedded' | 'queue';
  /** submissions stored and not graded yet, and those being graded now (from the database) */
  submissions: { queued: number; running: number };
  /** the queue's own counts and its live workers (queue mode only) */
  queue?: QueueOverview;
  /** grading processes of this server (embedded mode only) */
  processes?: number;
}

/** What the grading is doing now (instructor pages, /api/health). */
export async function gradingOverview(prisma: PrismaClient = db()): Promise<GradingOverview> {
  const mode = gradingMode();
  const counts = await prisma.submission.groupBy({
    by: ['status'],
    where: { status: { in: ['queued', 'running'] } },
    _count: { _all: true },
  });
  const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
  const submissions = { queued: count('queued'), running: count('running') };
  if (mode === 'queue') return { mode, submissions, queue: await (await gradingQueue()).overview() };
  return { mode, submissions, processes: graderSize() };
}
