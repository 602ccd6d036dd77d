import 'server-only';
import type { PrismaClient } from '@gradlab/prisma';

/**
 * The user's grade per exercise id (exercises never submitted are absent): their best score,
 * or, in `classId`, the score the class's staff set as an override.
 */
export async function bestScores(
  prisma: PrismaClient,
  userId: string,
  classId?: string,
): Promise<Map<string, number>> {
  const rows = await prisma.submission.groupBy({
    by: ['exerciseId'],
    where: { userId, score: { not: null } },
    _max: { score: true },
  });
  const best = new Map<string, number>();
  for (const row of rows) if (row._max.score !== null) best.set(row.exerciseId, row._max.score);
  if (classId) {
    const overrides = await prisma.gradeOverride.findMany({
      where: { classId, userId, score: { not: null } },
      select: { exerciseId: true, score: true },
    });
    for (const o of overrides) if (o.score !== null) best.set(o.exerciseId, o.score);
  }
  return best;
}
