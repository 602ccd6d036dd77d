import { z } from 'zod';
import { handle, readJson, requireApiUser } from '../../../../../../lib/api.ts';
import { saveAnswer } from '../../../../../../lib/attempts.ts';

type Context = { params: Promise<{ id: string; position: string }> };

const body = z.object({ responses: z.record(z.string().max(20), z.unknown()) }).strict();

/** PUT: autosaves the answer to one question; 409 once submitted, 410 after the deadline. */
export const PUT = handle<Context>(async (request, { params }) => {
  const user = await requireApiUser(request);
  const { id, position } = await params;
  const { responses } = await readJson(request, body);
  const { savedAt } = await saveAnswer(id, user.id, Number(position), responses);
  return Response.json({ savedAt: savedAt.toISOString(), serverNow: new Date().toISOString() });
});
