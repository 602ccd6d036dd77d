import { joinByCode } from '@gradlab/prisma';
import { z } from 'zod';
import { handle, readJson, requireApiUser } from '../../../../lib/api.ts';
import { classOperation } from '../../../../lib/classes.ts';
import { db } from '../../../../lib/db.ts';

const body = z.object({ code: z.string().max(40, 'too long for a join code') }).strict();

/** POST: joins the class with this code (as a student) and makes it the current class. */
export const POST = handle(async (request) => {
  const user = await requireApiUser(request);
  const { code } = await readJson(request, body);
  const { courseClass, role, joined } = await classOperation(() => joinByCode(db(), user.id, code));
  return Response.json(
    { id: courseClass.id, name: courseClass.name, role, joined },
    { status: joined ? 201 : 200 },
  );
});
