import { handle, requireApiUser } from '../../../../../lib/api.ts';
import { attemptView, ownAttempt, submitAttempt } from '../../../../../lib/attempts.ts';

type Context = { params: Promise<{ id: string }> };

/** POST: submits the attempt with its saved answers (a second submit changes nothing). */
export const POST = handle<Context>(async (request, { params }) => {
  const user = await requireApiUser(request);
  const { id } = await params;
  await ownAttempt(id, user.id);
  await submitAttempt(id, 'student');
  return Response.json(await attemptView(id, user.id));
});
