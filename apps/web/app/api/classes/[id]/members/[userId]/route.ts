import { classRoles, removeMember, setMemberRole } from '@gradlab/prisma';
import { z } from 'zod';
import { handle, readJson } from '../../../../../../lib/api.ts';
import { classOperation, requireClassApi } from '../../../../../../lib/classes.ts';
import { db } from '../../../../../../lib/db.ts';

type Context = { params: Promise<{ id: string; userId: string }> };

const body = z.object({ role: z.enum(classRoles as [string, ...string[]]) }).strict();

/** PATCH: changes a member's role (student, ta, instructor); instructors only, recorded in the audit log. */
export const PATCH = handle<Context>(async (request, { params }) => {
  const { id, userId } = await params;
  const { user } = await requireClassApi(request, id, 'instructor');
  const { role } = await readJson(request, body);
  return Response.json(
    await classOperation(() => setMemberRole(db(), id, user.id, userId, role as (typeof classRoles)[number])),
  );
});

/** DELETE: removes a member from the class (their submissions stay); instructors only. */
export const DELETE = handle<Context>(async (request, { params }) => {
  const { id, userId } = await params;
  const { user } = await requireClassApi(request, id, 'instructor');
  await classOperation(() => removeMember(db(), id, user.id, userId));
  return new Response(null, { status: 204 });
});
