import { runKit } from '@gradlab/grader';
import { HttpError, handle, requireApiUser } from '../../../../../lib/api.ts';
import { examLockingExercise } from '../../../../../lib/attempts.ts';
import { findExercise } from '../../../../../lib/exercises.ts';

type Context = { params: Promise<{ id: string }> };

/**
 * GET: the RunKit of an exercise (public cases and self-check only) for the browser's Run;
 * refused (403) while the user's open exam has a code part on this exercise.
 */
export const GET = handle<Context>(async (request, { params }) => {
  const user = await requireApiUser(request);
  const { id } = await params;
  if (!findExercise(id)) throw new HttpError(404, `no exercise "${id}"`);
  const exam = await examLockingExercise(user.id, id);
  if (exam)
    throw new HttpError(403, `Run is off for this exercise while your exam "${exam}" asks you to write it`);
  return Response.json(await runKit(id), { headers: { 'cache-control': 'private, max-age=300' } });
});
