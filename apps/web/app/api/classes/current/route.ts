import { z } from 'zod';
import { HttpError, handle, readJson, requireApiUser } from '../../../../lib/api.ts';
import { db } from '../../../../lib/db.ts';

const body = z.object({ classId: z.string().max(64) }).strict();

/** POST: picks the class the user works in now (one they belong to). */
export const POST = handle(async (request) => {
  const user = await requireApiUser(request);
  const { classId } = await readJson(request, body);
  const member = await db().enrollment.findUnique({
    where: { classId_userId: { classId, userId: user.id } },
  });
  if (!member) throw new HttpError(404, 'classId: you are not in this class');
  await db().user.update({ where: { id: user.id }, data: { currentClassId: classId } });
  return Response.json({ classId });
});
