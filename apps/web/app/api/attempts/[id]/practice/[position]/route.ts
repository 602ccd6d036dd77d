import type { Responses } from '@gradlab/content';
import { gradeVariant, keyResponse, loadQuestion, makeVariant, renderVariant } from '@gradlab/grader';
import { z } from 'zod';
import { HttpError, handle, readJson, requireApiUser } from '../../../../../../lib/api.ts';
import { type DrawnQuestion, ownAttempt } from '../../../../../../lib/attempts.ts';

type Context = { params: Promise<{ id: string; position: string }> };

const body = z.object({ responses: z.record(z.string().max(20), z.unknown()) }).strict();

/**
 * POST: in practice mode only, grades one question now and answers its result, key and worked
 * solution (feedback per question). A timed attempt refuses (403): its keys stay on the server.
 */
export const POST = handle<Context>(async (request, { params }) => {
  const user = await requireApiUser(request);
  const { id, position } = await params;
  const attempt = await ownAttempt(id, user.id);
  if (attempt.mode !== 'practice')
    throw new HttpError(403, 'feedback per question is for practice attempts only');
  const drawn = (JSON.parse(attempt.questions) as DrawnQuestion[])[Number(position)];
  if (!drawn) throw new HttpError(400, 'position: no such question in the attempt');
  const { responses } = await readJson(request, body);
  const question = loadQuestion(drawn.questionId);
  const variant = makeVariant(question, drawn.seed);
  return Response.json({
    grade: gradeVariant(variant, responses as Responses),
    keys: Object.fromEntries(
      Object.entries(variant.parts).map(([partId, part]) => [partId, keyResponse(part)]),
    ),
    solutionCode: await renderVariant(question, variant, 'solution'),
  });
});
