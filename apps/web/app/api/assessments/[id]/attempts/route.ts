import { z } from 'zod';
import { handle, readJson, requireApiUser } from '../../../../../lib/api.ts';
import { startAttempt } from '../../../../../lib/attempts.ts';

type Context = { params: Promise<{ id: string }> };

const body = z.object({ mode: z.enum(['timed', 'practice']) }).strict();

/** POST: starts an attempt (201), or answers the open one (200): one open attempt per mode. */
export const POST = handle<Context>(async (request, { params }) => {
  const user = await requireApiUser(request);
  const { id } = await params;
  const { mode } = await readJson(request, body);
  const started = await startAttempt(user.id, id, mode);
  return Response.json(started, { status: started.resumed ? 200 : 201 });
});
