import { HttpError, handle, requireApiUser } from '../../../../lib/api.ts';
import { db } from '../../../../lib/db.ts';
import { fullResult, studentView, visibleSubmission } from '../../../../lib/submissions.ts';

type Context = { params: Promise<{ id: string }> };

/**
 * GET: one submission with its result. A student gets only their own (anything else is 404)
 * with hidden tests reduced to pass/fail; an instructor gets any, with the full result.
 */
export const GET = handle<Context>(async (request, { params }) => {
  const user = await requireApiUser(request);
  const { id } = await params;
  const submission = await visibleSubmission(db(), user, id);
  if (!submission) throw new HttpError(404, 'no such submission');
  const view = studentView(submission);
  if (user.role === 'instructor')
    return Response.json({ ...view, fullResult: fullResult(submission.result) });
  return Response.json(view);
});
