import { HttpError, handle, requireApiInstructor } from '../../../../../../lib/api.ts';
import { findExercise } from '../../../../../../lib/exercises.ts';
import { checkNow } from '../../../../../../lib/grading.ts';

type Context = { params: Promise<{ id: string }> };

/**
 * POST: runs `gradlab check` on the exercise folder as it is on disk now (reference, starter,
 * each known mistake, the statement, points) and answers its report.
 */
export const POST = handle<Context>(async (request, { params }) => {
  await requireApiInstructor(request);
  const { id } = await params;
  if (!findExercise(id)) throw new HttpError(404, `no exercise "${id}"`);
  try {
    return Response.json(await checkNow(id));
  } catch (error) {
    throw new HttpError(503, error instanceof Error ? error.message : String(error));
  }
});
