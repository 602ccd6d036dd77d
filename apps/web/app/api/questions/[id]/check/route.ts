import { z } from 'zod';
import { HttpError, handle, readJson, requireApiUser } from '../../../../../lib/api.ts';
import { findQuestion, gradePractice, MAX_SEED } from '../../../../../lib/questions.ts';

type Context = { params: Promise<{ id: string }> };

const body = z
  .object({
    seed: z.number().int().min(0).max(MAX_SEED),
    responses: z.record(z.string().max(20), z.unknown()),
  })
  .strict();

/**
 * POST: grades a practice variant (the seed names it) and answers each part's result, the keys
 * and the worked solution. Practice only: exams grade attempts stored on the server.
 */
export const POST = handle<Context>(async (request, { params }) => {
  const user = await requireApiUser(request);
  const { id } = await params;
  if (!findQuestion(id)) throw new HttpError(404, `no question "${id}"`);
  const { seed, responses } = await readJson(request, body);
  return Response.json(await gradePractice(id, seed, responses, user.id));
});
