import { z } from 'zod';
import { HttpError, handle, readJson, requireApiUser } from '../../../../../../lib/api.ts';
import { gradeManually } from '../../../../../../lib/assessment-results.ts';
import { requireClassApi } from '../../../../../../lib/classes.ts';
import { db } from '../../../../../../lib/db.ts';

const body = z
  .object({
    attemptId: z.string().max(64),
    position: z.number().int().min(0),
    part: z.string().max(20),
    items: z.array(z.string().max(64)).max(50),
    comment: z.string().max(2000).default(''),
  })
  .strict();

/** POST: grades a free-text part (or a reason) with rubric items; replaces an earlier grade. */
export const POST = handle(async (request) => {
  const user = await requireApiUser(request);
  const input = await readJson(request, body);
  // a site instructor grades any attempt; a class's TAs and instructors grade the class's attempts
  if (user.role !== 'instructor') {
    const attempt = await db().attempt.findUnique({
      where: { id: input.attemptId },
      select: { classId: true },
    });
    if (!attempt?.classId) throw new HttpError(403, 'instructors only');
    await requireClassApi(request, attempt.classId, 'ta');
  }
  return Response.json(await gradeManually({ ...input, graderId: user.id }));
});
