import 'server-only';
import type { PrismaClient } from '@gradlab/prisma';
import { catalogue } from './exercises.ts';
import { buildGradebook, type GradebookColumn, type GradebookRow } from './gradebook.ts';
import { homeworkExercises, scheduledScores } from './homework.ts';
import { classAssessmentAccess, classSchedule } from './schedule.ts';

/** The gradebook column of a scheduled assessment (beside the exercises' columns). */
export const assessmentColumnId = (assessmentId: string) => `assessment:${assessmentId}`;

/** The exercises as gradebook columns, in course order. */
export function gradebookColumns(): GradebookColumn[] {
  return catalogue().map((e) => ({ id: e.id, title: e.title, points: e.points }));
}

/**
 * A class's gradebook: its students (by name), each exercise's best score and the staff's
 * overrides beside it. `onlyUserId` narrows it to one student (their own view).
 */
export async function loadGradebook(
  prisma: PrismaClient,
  classId: string,
  onlyUserId?: string,
): Promise<{ rows: GradebookRow[]; exerciseIds: string[]; columns: GradebookColumn[] }> {
  const schedule = await classSchedule(classId, prisma);
  // A homework's exercises keep their own columns, scored as the homework counts them (its points
  // for each, its late policy); the homework's column holds its questions. No work counts twice.
  const homeworkPoints = new Map<string, number>();
  for (const { meta } of schedule) for (const e of meta.exercises) homeworkPoints.set(e.id, e.points);
  const columns: GradebookColumn[] = [
    ...gradebookColumns().map((c) => ({ ...c, points: homeworkPoints.get(c.id) ?? c.points })),
    ...schedule
      .filter(({ meta }) => meta.questionPoints > 0)
      .map(({ meta }) => ({
        id: assessmentColumnId(meta.id),
        title: meta.exercises.length > 0 ? `${meta.title} (questions)` : meta.title,
        points: meta.questionPoints,
      })),
  ];
  const exerciseIds = columns.map((c) => c.id);
  const enrolled = await prisma.enrollment.findMany({
    where: { classId, role: 'student', ...(onlyUserId ? { userId: onlyUserId } : {}) },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  const students = enrolled
    .map((e) => e.user)
    .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
  const ids = students.map((s) => s.id);
  const all = await prisma.submission.findMany({
    where: { score: { not: null }, userId: { in: ids } },
    select: { userId: true, exerciseId: true, score: true },
  });
  const submissions = all.filter((s) => !homeworkPoints.has(s.exerciseId));
  for (const { meta } of schedule) {
    const accessOf = (userId: string) =>
      classAssessmentAccess(userId, classId, meta, prisma).catch(() => null);
    // each scheduled assessment's question scores, as if they were submissions of its column
    if (meta.questionPoints > 0) {
      const scores = await scheduledScores(classId, meta, accessOf, ids, prisma, false);
      for (const [userId, score] of scores)
        submissions.push({ userId, exerciseId: assessmentColumnId(meta.id), score });
    }
    // a homework's exercises, late policy applied
    if (meta.exercises.length > 0)
      for (const userId of ids) {
        const inClass = await accessOf(userId);
        if (!inClass) {
          // (no access to the homework: the exercises count as plain exercises)
          const own = new Set(meta.exercises.map((e) => e.id));
          submissions.push(...all.filter((s) => s.userId === userId && own.has(s.exerciseId)));
          continue;
        }
        for (const e of await homeworkExercises(userId, meta, inClass, prisma))
          if (e.score !== null) submissions.push({ userId, exerciseId: e.id, score: e.score });
      }
  }
  const overrides = await prisma.gradeOverride.findMany({
    where: { classId, userId: { in: ids } },
    select: { userId: true, exerciseId: true, score: true, dueAt: true, reason: true },
  });
  return { rows: buildGradebook(students, exerciseIds, submissions, overrides), exerciseIds, columns };
}

export interface SubmissionFilter {
  student?: string;
  exercise?: string;
  status?: string;
  from?: string;
  to?: string;
}

const statuses = [
  'queued',
  'running',
  'graded',
  'compile_error',
  'runtime_error',
  'timeout',
  'memory_limit',
  'error',
] as const;
export type SubmissionStatusName = (typeof statuses)[number];
export const submissionStatuses: readonly string[] = statuses;

function dayStart(text: string | undefined): Date | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export async function findSubmissions(prisma: PrismaClient, filter: SubmissionFilter) {
  const from = dayStart(filter.from);
  const toStart = dayStart(filter.to);
  const to = toStart ? new Date(toStart.getTime() + 86_400_000) : undefined;
  const status = statuses.find((s) => s === filter.status);
  return prisma.submission.findMany({
    where: {
      ...(filter.student
        ? { user: { OR: [{ email: { contains: filter.student } }, { name: { contains: filter.student } }] } }
        : {}),
      ...(filter.exercise ? { exerciseId: filter.exercise } : {}),
      ...(status ? { status } : {}),
      ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    },
    include: { user: { select: { name: true, email: true } } },
    orderBy: { createdAt: 'desc' },
    take: 500,
  });
}

export { submissionStats } from './submission-stats.ts';
