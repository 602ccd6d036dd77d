import 'server-only';
import fs from 'node:fs';
import { listExercises, readPublicExercise } from '@gradlab/content';
import {
  cachedExercise,
  createGraderPool,
  defaultWorkerFile,
  type GradeResult,
  gradeSubmission,
  runKit,
} from '@gradlab/grader';
import type { PrismaClient } from '@gradlab/prisma';
import { db } from './db.ts';

type GradeRequest = Parameters<typeof gradeSubmission>[0];
type Grade = (request: GradeRequest) => Promise<GradeResult>;

/**
 * The process-wide grader: the worker-thread pool when the built worker exists
 * (grader/bin/worker.mjs), else grading on the server thread (each grading still in its own isolate),
 * GRADLAB_GRADER_WORKERS (default 2) at a time either way.
 */
function createGrader(): { grade: Grade; kind: 'pool' | 'in-process' } {
  let workerFile: string | null = null;
  try {
    workerFile = defaultWorkerFile();
  } catch {
    workerFile = null;
  }
  if (workerFile && fs.existsSync(workerFile)) {
    const size = Math.max(1, Number(process.env.GRADLAB_GRADER_WORKERS ?? 2));
    const pool = createGraderPool({ size, workerFile });
    return { grade: (request) => pool.grade(request), kind: 'pool' };
  }
  return {
    grade: limitConcurrency(gradeSubmission, Number(process.env.GRADLAB_GRADER_WORKERS ?? 2)),
    kind: 'in-process',
  };
}

/** At most `limit` gradings at a time; the others wait in order (like the pool's queue). */
function limitConcurrency(grade: Grade, limit: number): Grade {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (request) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await grade(request);
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

const holder = globalThis as typeof globalThis & {
  gradlabGrader?: ReturnType<typeof createGrader>;
  gradlabGrading?: Set<string>;
};

function grader(): ReturnType<typeof createGrader> {
  holder.gradlabGrader ??= createGrader();
  return holder.gradlabGrader;
}

/** Submission ids this process is grading now (so a recovery pass does not start them twice). */
function inFlight(): Set<string> {
  holder.gradlabGrading ??= new Set();
  return holder.gradlabGrading;
}

/** Grades a stored submission in the background: queued -> running -> its final status. */
export function enqueueSubmission(id: string, prisma: PrismaClient = db()): void {
  const busy = inFlight();
  if (busy.has(id)) return;
  busy.add(id);
  void gradeStored(id, prisma).finally(() => busy.delete(id));
}

async function gradeStored(id: string, prisma: PrismaClient): Promise<void> {
  const submission = await prisma.submission.findUnique({ where: { id } });
  if (!submission || !['queued', 'running'].includes(submission.status)) return;
  await prisma.submission.update({ where: { id }, data: { status: 'running', startedAt: new Date() } });
  try {
    const result = await grader().grade({
      exerciseId: submission.exerciseId,
      code: submission.code,
      language: submission.language === 'js' ? 'js' : 'ts',
    });
    await prisma.submission.update({
      where: { id },
      data: {
        status: result.status,
        score: result.score,
        maxScore: result.maxScore,
        result: JSON.parse(JSON.stringify(result)),
        finishedAt: new Date(),
      },
    });
  } catch (error) {
    console.error(`grading submission ${id} failed`, error);
    await prisma.submission.update({
      where: { id },
      data: {
        status: 'error',
        result: { message: 'the grader failed on this submission; please submit again' },
        finishedAt: new Date(),
      },
    });
  }
}

/**
 * After a restart: every submission left `queued` or `running` is graded (again). Called once
 * from instrumentation.ts when the server starts.
 */
export async function resumePendingGradings(prisma: PrismaClient = db()): Promise<number> {
  const pending = await prisma.submission.findMany({
    where: { status: { in: ['queued', 'running'] } },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  for (const { id } of pending) {
    await prisma.submission.update({ where: { id }, data: { status: 'queued' } });
    enqueueSubmission(id, prisma);
  }
  return pending.length;
}

/** Grades code directly (the instructor's "grade the reference solution" button). */
export function gradeNow(request: GradeRequest): Promise<GradeResult> {
  return grader().grade(request);
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
  if (first) {
    await gradeNow({
      exerciseId: first.id,
      code: readPublicExercise(first.id).starter,
      language: 'ts',
    }).catch((error: unknown) => console.error('grading: warm-up grading failed', error));
  }
}
