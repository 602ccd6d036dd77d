import { z } from 'zod';
import { HttpError, handle, MAX_CODE_BYTES, readJson, requireApiUser } from '../../../../../lib/api.ts';
import { db } from '../../../../../lib/db.ts';
import { findExercise } from '../../../../../lib/exercises.ts';

type Context = { params: Promise<{ id: string }> };

const draftBody = z.object({
  code: z
    .string()
    .refine(
      (code) => Buffer.byteLength(code) <= MAX_CODE_BYTES,
      `code must be at most ${MAX_CODE_BYTES} bytes`,
    ),
});

async function exerciseOf(context: Context): Promise<string> {
  const { id } = await context.params;
  if (!findExercise(id)) throw new HttpError(404, `no exercise "${id}"`);
  return id;
}

/** GET: the signed-in user's draft of this exercise, `{ code: null }` when there is none. */
export const GET = handle<Context>(async (request, context) => {
  const user = await requireApiUser(request);
  const exerciseId = await exerciseOf(context);
  const draft = await db().draft.findUnique({
    where: { userId_exerciseId: { userId: user.id, exerciseId } },
  });
  return Response.json({ code: draft?.code ?? null, updatedAt: draft?.updatedAt.toISOString() ?? null });
});

/** PUT `{ code }`: saves the draft (the editor calls it, debounced, while the learner types). */
export const PUT = handle<Context>(async (request, context) => {
  const user = await requireApiUser(request);
  const exerciseId = await exerciseOf(context);
  const { code } = await readJson(request, draftBody);
  const draft = await db().draft.upsert({
    where: { userId_exerciseId: { userId: user.id, exerciseId } },
    create: { userId: user.id, exerciseId, code },
    update: { code },
  });
  return Response.json({ updatedAt: draft.updatedAt.toISOString() });
});

/** DELETE: forgets the draft ("Reset to starter"). */
export const DELETE = handle<Context>(async (request, context) => {
  const user = await requireApiUser(request);
  const exerciseId = await exerciseOf(context);
  await db().draft.deleteMany({ where: { userId: user.id, exerciseId } });
  return new Response(null, { status: 204 });
});
