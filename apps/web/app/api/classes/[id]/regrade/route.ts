import { z } from 'zod';
import { HttpError, handle, readJson } from '../../../../../lib/api.ts';
import { requireClassApi } from '../../../../../lib/classes.ts';
import { findExercise } from '../../../../../lib/exercises.ts';
import { regradeExercise } from '../../../../../lib/regrade.ts';

type Context = { params: Promise<{ id: string }> };

const body = z.object({ exerciseId: z.string().max(100) }).strict();

/**
 * POST: grades every submission of an exercise by the class's students again (after its spec
 * changed) and answers what changed. Instructors only; recorded in the audit log.
 */
export const POST = handle<Context>(async (request, { params }) => {
  const { id } = await params;
  const { user } = await requireClassApi(request, id, 'instructor');
  const { exerciseId } = await readJson(request, body);
  if (!findExercise(exerciseId)) throw new HttpError(400, `exerciseId: no exercise "${exerciseId}"`);
  return Response.json(await regradeExercise(id, exerciseId, user.id));
});
