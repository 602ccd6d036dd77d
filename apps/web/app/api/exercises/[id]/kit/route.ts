import { runKit } from '@gradlab/grader';
import { HttpError, handle, requireApiUser } from '../../../../../lib/api.ts';
import { findExercise } from '../../../../../lib/exercises.ts';

type Context = { params: Promise<{ id: string }> };

/** GET: the RunKit of an exercise (public cases and self-check only) for the browser's Run. */
export const GET = handle<Context>(async (request, { params }) => {
  await requireApiUser(request);
  const { id } = await params;
  if (!findExercise(id)) throw new HttpError(404, `no exercise "${id}"`);
  return Response.json(await runKit(id), { headers: { 'cache-control': 'private, max-age=300' } });
});
