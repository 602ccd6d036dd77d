import 'server-only';
import { listExercises } from '@gradlab/content';
import type { PrismaClient } from '@gradlab/prisma';
import { buildGradebook, type GradebookColumn, type GradebookRow } from './gradebook.ts';

export async function loadGradebook(
  prisma: PrismaClient,
): Promise<{ rows: GradebookRow[]; exerciseIds: string[]; columns: GradebookColumn[] }> {
  const columns = listExercises().map((e) => ({ id: e.id, title: e.title, points: e.points }));
  const exerciseIds = columns.map((c) => c.id);
  const students = await prisma.user.findMany({
    where: { role: 'student' },
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
    select: { id: true, name: true, email: true },
  });
  const submissions = await prisma.submission.findMany({
    where: { score: { not: null } },
    select: { userId: true, exerciseId: true, score: true },
  });
  return { rows: buildGradebook(students, exerciseIds, submissions), exerciseIds, columns };
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
