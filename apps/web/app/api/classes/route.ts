import { createClass } from '@gradlab/prisma';
import { z } from 'zod';
import { handle, readJson, requireApiInstructor } from '../../../lib/api.ts';
import { classOperation } from '../../../lib/classes.ts';
import { db } from '../../../lib/db.ts';

const body = z.object({ name: z.string().max(100, 'at most 100 characters') }).strict();

/** POST: a site instructor creates a class (and becomes its instructor). */
export const POST = handle(async (request) => {
  const user = await requireApiInstructor(request);
  const { name } = await readJson(request, body);
  const created = await classOperation(() => createClass(db(), { name, createdById: user.id }));
  return Response.json({ id: created.id, name: created.name, joinCode: created.joinCode }, { status: 201 });
});
