import 'server-only';
import type { PrismaClient } from '@gradlab/prisma';

/** The user's best score per exercise id (exercises never submitted are absent). */
export async function bestScores(prisma: PrismaClient, userId: string): Promise<Map<string, number>> {
  const rows = await prisma.submission.groupBy({
    by: ['exerciseId'],
    where: { userId, score: { not: null } },
    _max: { score: true },
  });
  const best = new Map<string, number>();
  for (const row of rows) if (row._max.score !== null) best.set(row.exerciseId, row._max.score);
  return best;
}
