import { HttpError, handle, requireApiUser } from '../../../../../../../lib/api.ts';
import {
  type DrawnQuestion,
  loadAssessment,
  ownAttempt,
  practiceValue,
  retrySeed,
} from '../../../../../../../lib/attempts.ts';
import { db } from '../../../../../../../lib/db.ts';

type Context = { params: Promise<{ id: string; position: string }> };

/**
 * POST: practice only: replaces a question by its next variant (new numbers, new seed), clears
 * its saved answer and answers what the new try is worth (the assessment's `practiceValues`).
 */
export const POST = handle<Context>(async (request, { params }) => {
  const user = await requireApiUser(request);
  const { id, position } = await params;
  const attempt = await ownAttempt(id, user.id);
  if (attempt.mode !== 'practice') throw new HttpError(403, 'new variants are for practice attempts only');
  if (attempt.status !== 'open') throw new HttpError(409, 'this attempt is submitted');
  const questions = JSON.parse(attempt.questions) as DrawnQuestion[];
  const index = Number(position);
  const drawn = Number.isInteger(index) ? questions[index] : undefined;
  if (!drawn) throw new HttpError(400, 'position: no such question in the attempt');
  const variant = (drawn.variant ?? 0) + 1;
  questions[index] = { ...drawn, variant, seed: retrySeed(id, index, variant) };
  await db().$transaction([
    db().attempt.update({ where: { id }, data: { questions: JSON.stringify(questions) } }),
    db().attemptAnswer.deleteMany({ where: { attemptId: id, position: index } }),
  ]);
  return Response.json({ variant, value: practiceValue(loadAssessment(attempt.assessmentId), variant) });
});
