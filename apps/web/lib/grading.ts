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
import type { PrismaClient } from '@gradlab/prisma';
import { db } from './db.ts';
import { FairQueue } from './fair-queue.ts';

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
 * Grades a stored submission in the background: it stays `queued` until a grading process
 * takes it, then `running`, then its final status. `owner` is the submitting user: users take
 * turns in the queue.
 */
export function enqueueSubmission(id: string, owner: string, prisma: PrismaClient = db()): void {
  const busy = inFlight();
  if (busy.has(id)) return;
  busy.add(id);
  grader().submissions.push(owner, () => gradeStored(id, prisma).finally(() => busy.delete(id)));
}

async function gradeStored(id: string, prisma: PrismaClient): Promise<void> {
  const submission = await prisma.submission.findUnique({ where: { id } });
  if (!submission || !['queued', 'running'].includes(submission.status)) return;
  await prisma.submission.update({ where: { id }, data: { status: 'running', startedAt: new Date() } });
  try {
    const result = await grader().pool.grade({
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
    select: { id: true, userId: true },
  });
  for (const { id, userId } of pending) {
    await prisma.submission.update({ where: { id }, data: { status: 'queued' } });
    enqueueSubmission(id, userId, prisma);
  }
  return pending.length;
}

/** Grades code directly (the instructor's "grade the reference solution" button). */
export function gradeNow(request: GradeRequest): Promise<GradeResult> {
  return grader().pool.grade(request);
}

/** Grades a question's code part in the grading pool: its exercise's public and hidden cases. */
export const runCode: RunCode = async (exercise, code) =>
  codeOutcome(await gradeNow({ exerciseId: exercise, code, language: 'ts' }));

/**
 * Runs `gradlab check` on an exercise folder in a grading process, as it is on disk now (the
 * instructor's exercise page). Problem files are given relative to the repository (`content/exercises/...`).
 */
export async function checkNow(exerciseId: string): Promise<CheckReport> {
  const report = await grader().pool.check(exerciseId);
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
  if (first) {
    await gradeNow({
      exerciseId: first.id,
      code: readPublicExercise(first.id).starter,
      language: 'ts',
    }).catch((error: unknown) => console.error('grading: warm-up grading failed', error));
  }
}
