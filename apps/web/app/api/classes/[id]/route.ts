import { audit } from '@gradlab/prisma';
import { z } from 'zod';
import { handle, readJson } from '../../../../lib/api.ts';
import { requireClassApi } from '../../../../lib/classes.ts';
import { db } from '../../../../lib/db.ts';

type Context = { params: Promise<{ id: string }> };

const body = z
  .object({
    name: z.string().trim().min(1, 'a class needs a name').max(100, 'at most 100 characters').optional(),
    joinOpen: z.boolean().optional(),
    taSeesKeys: z.boolean().optional(),
  })
  .strict();

/** PATCH: the class's settings (name, whether the join code works, TAs and exam keys); instructors. */
export const PATCH = handle<Context>(async (request, { params }) => {
  const { id } = await params;
  const { user, courseClass } = await requireClassApi(request, id, 'instructor');
  const changes = await readJson(request, body);
  const updated = await db().$transaction(async (tx) => {
    const saved = await tx.courseClass.update({ where: { id }, data: changes });
    const from = Object.fromEntries(
      Object.keys(changes).map((k) => [k, courseClass[k as keyof typeof changes]]),
    );
    await audit(tx, {
      classId: id,
      actorId: user.id,
      action: 'class.settings',
      detail: { from, to: changes },
    });
    return saved;
  });
  return Response.json({
    id,
    name: updated.name,
    joinOpen: updated.joinOpen,
    taSeesKeys: updated.taSeesKeys,
  });
});
